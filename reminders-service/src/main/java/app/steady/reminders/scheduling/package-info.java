/**
 * The durable schedule of reminders, learnt from homework-service's events: a reminder per occurrence (and an
 * optional follow-up before its window closes), cancelled the moment the occurrence is completed, skipped or
 * cancelled, and re-planned when a schedule or the client's boundaries change. Each reminder's id is its idempotency
 * key (client + assignment + occurrence + kind), so redelivered events never create a second one.
 */
package app.steady.reminders.scheduling;
