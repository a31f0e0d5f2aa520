package app.steady.homework.library;

import app.steady.homework.assignment.HomeworkKind;
import app.steady.platform.errors.ConflictException;
import app.steady.platform.security.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The tenant's library: the defaults and the tenant's own techniques. */
@Service
public class Library {

    private final TechniqueRepository techniques;
    private final int maxTechniques;

    /**
     * @param maxTechniques the most techniques a tenant may add ({@code steady.homework.library.max-techniques}): the
     *                      library is listed whole, so it must stay small
     */
    Library(TechniqueRepository techniques, @Value("${steady.homework.library.max-techniques:500}") int maxTechniques) {
        this.techniques = techniques;
        this.maxTechniques = maxTechniques;
    }

    public List<Technique> browse(Caller caller, HomeworkKind kind) {
        List<Technique> all = new ArrayList<>(DefaultTechniques.ALL);
        all.addAll(techniques.findByTenantId(caller.tenantId()));
        return all.stream().filter(t -> kind == null || t.kind() == kind).toList();
    }

    public Technique add(Caller caller, HomeworkKind kind, String title, String whatItIs, String whyItHelps, int minutes,
                         List<String> howTo) {
        if (techniques.countByTenantId(caller.tenantId()) >= maxTechniques) {
            throw new ConflictException("LIBRARY_FULL", "A tenant's library holds up to " + maxTechniques
                    + " techniques of its own");
        }
        return techniques.insert(new Technique(UUID.randomUUID().toString(), caller.tenantId(), kind, title, whatItIs,
                whyItHelps, minutes, howTo));
    }
}
