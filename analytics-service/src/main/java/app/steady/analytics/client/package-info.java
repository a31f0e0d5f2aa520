/**
 * Each client's analytics, kept current from events: homework outcomes (adherence, timeliness, streaks, quality),
 * daily mood, questionnaire trajectories, last activity. {@link app.steady.analytics.client.ClientInsights} turns them
 * into the therapist's summary (with an explainable status) and the client's own progress in plain words. Each record
 * also keeps what it adds to its tenant's aggregates ({@link app.steady.analytics.client.Tally}), brought up to date by
 * {@link app.steady.analytics.client.TallySweep} where it is missing or was derived with older rules.
 */
package app.steady.analytics.client;
