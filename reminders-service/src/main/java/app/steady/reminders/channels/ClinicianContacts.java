package app.steady.reminders.channels;

import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Where clinicians receive notifications: set by the therapist themselves or their tenant's admin. */
@Service
public class ClinicianContacts {

    private final MongoTemplate mongo;

    ClinicianContacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Contact set(Caller caller, String therapistId, String email) {
        requireSelfOrAdmin(caller, therapistId);
        return mongo.save(new Contact(caller.tenantId() + ":" + therapistId, caller.tenantId(), therapistId, email));
    }

    public Optional<Contact> read(Caller caller, String therapistId) {
        requireSelfOrAdmin(caller, therapistId);
        return emailOf(caller.tenantId(), therapistId);
    }

    public Optional<Contact> emailOf(String tenantId, String therapistId) {
        return Optional.ofNullable(mongo.findById(tenantId + ":" + therapistId, Contact.class));
    }

    private static void requireSelfOrAdmin(Caller caller, String therapistId) {
        boolean themselves = caller.role() == Role.THERAPIST && caller.userId().equals(therapistId);
        if (!themselves && caller.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only the therapist and their admins manage their contact");
        }
    }

    @org.springframework.data.mongodb.core.mapping.Document("clinician_contacts")
    public record Contact(@Id String id, String tenantId, String therapistId, String email) {
    }
}
