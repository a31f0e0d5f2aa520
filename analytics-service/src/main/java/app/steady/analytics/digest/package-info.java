/**
 * The therapist's weekly caseload digest: who improved, who needs attention, open flags and adherence across the
 * caseload, computed here at a configured local time, published as an event (reminders-service delivers it) and
 * viewable through the API.
 */
package app.steady.analytics.digest;
