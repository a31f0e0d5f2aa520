package app.steady.platform.caseload;

import app.steady.platform.privacy.ErasedClients;
import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import app.steady.platform.errors.NotFoundException;
import org.springframework.security.access.AccessDeniedException;

/** The access rule for a client's information, the same in every service. */
public class ClientAccess {

    private final CaseloadDirectory directory;
    private final ErasedClients erasedClients;

    public ClientAccess(CaseloadDirectory directory, ErasedClients erasedClients) {
        this.directory = directory;
        this.erasedClients = erasedClients;
    }

    public boolean mayAccess(Caller caller, String clientId) {
        if (caller.role() == Role.CLIENT) {
            // An erased client's token may outlive the erasure: it finds nothing and can store nothing.
            return caller.userId().equals(clientId) && !erasedClients.isErased(caller.tenantId(), clientId);
        }
        if (caller.role() == Role.THERAPIST) {
            return directory.therapistOf(caller.tenantId(), clientId).filter(caller.userId()::equals).isPresent();
        }
        return false;
    }

    /**
     * @throws NotFoundException when the caller may not see this client's information, as if it did not exist
     */
    public void requireAccess(Caller caller, String clientId) {
        if (!mayAccess(caller, clientId)) {
            throw new NotFoundException("Client " + clientId);
        }
    }

    /**
     * For what only the client does themselves (completing homework, logging mood, writing their journal).
     *
     * @throws NotFoundException     when the caller may not see this client at all
     * @throws AccessDeniedException (403) when they may see but are not the client, with {@code why}
     */
    public void requireClientThemselves(Caller caller, String clientId, String why) {
        requireAccess(caller, clientId);
        if (!caller.isClient(clientId)) {
            throw new AccessDeniedException(why);
        }
    }
}
