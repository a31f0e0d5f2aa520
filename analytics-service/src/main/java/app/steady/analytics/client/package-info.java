/**
 * Each client's analytics, kept current from events: homework outcomes (adherence, timeliness, streaks, quality),
 * daily mood, questionnaire trajectories, last activity. {@link app.steady.analytics.client.ClientInsights} turns them
 * into the therapist's summary (with an explainable status) and the client's own progress in plain words.
 */
package app.steady.analytics.client;
