package app.steady.analytics.client;

import app.steady.analytics.clinical.EpisodeOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One row of what a client adds to their tenant's aggregates ({@code GET /tenant/outcomes}). A client record keeps its
 * rows ({@code tallies}), derived with the clinical rules whenever the record changes, so that a tenant's figures are
 * sums over rows that the database works out ({@code $match} on the tenant, {@code $unwind}, {@code $group}): no record
 * is read into the service for them. By {@link Kind}:
 * <ul>
 *   <li>{@code CLIENT}: one per record (the tenant's client count);</li>
 *   <li>{@code CLIENT_OF}: one per therapist the client counts for (the therapist of any of their episodes, or, with
 *       no episode at all, their current therapist);</li>
 *   <li>{@code EPISODE}: one per episode of care with an outcome ({@link EpisodeOutcome}), under the episode's
 *       therapist, with 0 or 1 in {@code atCaseness}, {@code recovered}, {@code reliablyRecovered} and
 *       {@code reliablyImproved};</li>
 *   <li>{@code WEEK}: one per calendar week (Monday, UTC) with homework due, {@code completed} of {@code due}.</li>
 * </ul>
 * Counts that do not apply to a kind are null (not stored).
 */
public record Tally(Kind kind, String therapistId, EpisodeOutcome.Category category, String week, Integer atCaseness,
                    Integer recovered, Integer reliablyRecovered, Integer reliablyImproved, Integer completed,
                    Integer due) {

    /**
     * The version of the rules the rows are derived with, stored with them ({@code tallyRules}). Raise it whenever the
     * derivation or the clinical rules it applies change: {@link TallySweep} then derives every record's rows again.
     */
    public static final int RULES = 1;

    public enum Kind {
        CLIENT, CLIENT_OF, EPISODE, WEEK
    }

    /** The record's rows as of now. */
    static List<Tally> of(ClientRecord record) {
        List<Tally> tallies = new ArrayList<>();
        tallies.add(new Tally(Kind.CLIENT, null, null, null, null, null, null, null, null, null));
        Set<String> therapists = new LinkedHashSet<>();
        List<Episode> episodes = record.episodes().isEmpty() ? Collections.singletonList(null) : record.episodes();
        for (Episode episode : episodes) {
            String therapist = episode == null ? record.therapistId() : episode.therapistId();
            if (therapist != null) {
                therapists.add(therapist);
            }
            ClientInsights.episodeOutcome(record, episode).ifPresent(outcome -> tallies.add(new Tally(Kind.EPISODE,
                    therapist, outcome.category(), null, one(outcome.casenessAtStart()), one(outcome.recovery()),
                    one(outcome.reliableRecovery()), one(outcome.reliableImprovement()), null, null)));
        }
        therapists.forEach(therapist -> tallies.add(new Tally(Kind.CLIENT_OF, therapist, null, null, null, null, null,
                null, null, null)));
        ClientInsights.doneAndDueByWeek(record, outcome -> true).forEach((week, doneAndDue) -> tallies.add(new Tally(
                Kind.WEEK, null, null, week.toString(), null, null, null, null, doneAndDue[0], doneAndDue[1])));
        return tallies;
    }

    private static int one(Boolean yes) {
        return Boolean.TRUE.equals(yes) ? 1 : 0;
    }
}
