package app.steady.benchmarks;

import app.steady.events.EventData;
import app.steady.events.goals.ClientAssigned;
import app.steady.events.homework.HomeworkAssigned;
import app.steady.events.homework.HomeworkCompleted;
import app.steady.events.homework.HomeworkMissed;
import app.steady.events.homework.MoodLogged;
import app.steady.events.homework.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Ten events of history per client, in time order across the whole population as a replay would read them: the
 * assignment to a therapist and a daily practice, then eight days of completions, misses and mood logs.
 */
final class Histories {

    static final int EVENTS_PER_CLIENT = 10;
    private static final int DAYS = 8;

    private final Population population;
    private final Instant start;

    Histories(Population population, Instant start) {
        this.population = population;
        this.start = start;
    }

    /** Publishes the whole history, day by day; returns the number of events. */
    long publish(EventPublisher publisher) {
        long published = 0;
        for (int day = 0; day <= DAYS; day++) {
            for (int i = 0; i < population.clients(); i++) {
                for (EventData event : eventsOf(i, day)) {
                    publisher.publish(population.tenantOf(i), event, timeOf(i, day));
                    published++;
                }
            }
        }
        publisher.flush();
        return published;
    }

    private List<EventData> eventsOf(int i, int day) {
        String client = population.client(i);
        String assignment = "hw-" + i;
        Instant time = timeOf(i, day);
        if (day == 0) {
            List<Occurrence> occurrences = new ArrayList<>();
            for (int k = 1; k <= DAYS; k++) {
                Instant due = dueAt(k);
                occurrences.add(new Occurrence(occurrence(i, k), due, local(i, due), due.plus(Duration.ofHours(4))));
            }
            return List.of(new ClientAssigned(client, population.therapistOf(i), time),
                    new HomeworkAssigned(assignment, client, population.therapistOf(i), null, "RELAXATION",
                            population.zoneOf(i), 1, occurrences, time));
        }
        if (day % 2 == 0) {
            return List.of(new MoodLogged("mood-" + i + "-" + day, client, 3 + (i + day) % 6, (i + day) % 5, 5, 7.0,
                    List.of("calm"), null, time, local(i, time), population.zoneOf(i)));
        }
        Instant due = dueAt(day);
        return (i + day) % 4 == 0
                ? List.of(new HomeworkMissed(assignment, client, occurrence(i, day), "RELAXATION", due, due.plus(Duration.ofHours(4))))
                : List.of(new HomeworkCompleted(assignment, client, occurrence(i, day), "RELAXATION", due,
                        due.plus(Duration.ofMinutes(30)), false, 4, 2));
    }

    private Instant timeOf(int i, int day) {
        return start.plus(Duration.ofDays(day)).plusMillis(i % 86_400_000);
    }

    private Instant dueAt(int day) {
        return start.plus(Duration.ofDays(day)).plus(Duration.ofHours(19));
    }

    private LocalDateTime local(int i, Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.of(population.zoneOf(i))).withNano(0);
    }

    private static String occurrence(int i, int day) {
        return "o-" + i + "-" + day;
    }
}
