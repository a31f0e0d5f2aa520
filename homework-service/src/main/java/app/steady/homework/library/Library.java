package app.steady.homework.library;

import app.steady.homework.assignment.HomeworkKind;
import app.steady.platform.security.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The tenant's library: the defaults and the tenant's own techniques. */
@Service
public class Library {

    private final TechniqueRepository techniques;

    Library(TechniqueRepository techniques) {
        this.techniques = techniques;
    }

    public List<Technique> browse(Caller caller, HomeworkKind kind) {
        List<Technique> all = new ArrayList<>(DefaultTechniques.ALL);
        all.addAll(techniques.findByTenantId(caller.tenantId()));
        return all.stream().filter(t -> kind == null || t.kind() == kind).toList();
    }

    public Technique add(Caller caller, HomeworkKind kind, String title, String whatItIs, String whyItHelps, int minutes,
                         List<String> howTo) {
        return techniques.insert(new Technique(UUID.randomUUID().toString(), caller.tenantId(), kind, title, whatItIs,
                whyItHelps, minutes, howTo));
    }
}
