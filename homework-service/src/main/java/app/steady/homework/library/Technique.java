package app.steady.homework.library;

import app.steady.homework.assignment.HomeworkKind;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One technique: what it is, why it helps, how long it takes and how to do it. {@code tenantId} is null for defaults. */
@Document("techniques")
public record Technique(@Id String id, String tenantId, HomeworkKind kind, String title, String whatItIs,
                        String whyItHelps, int minutes, List<String> howTo) {
}
