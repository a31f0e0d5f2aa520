/**
 * Homework assignments and their occurrences: what the client practises, on which schedule (in their time zone),
 * and what became of each occurrence (completed, late, skipped, missed). This service owns the schedule, so it also
 * detects missed occurrences and publishes the occurrence facts reminders need (due times in UTC and local time,
 * completion windows) ahead of time, over a rolling horizon.
 */
package app.steady.homework.assignment;
