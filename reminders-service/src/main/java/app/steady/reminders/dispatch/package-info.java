/**
 * Sending due reminders, safe with any number of instances: each reminder is claimed atomically with a lease
 * ({@code findAndModify}); an instance that dies mid-send loses its lease and another finishes the reminder with the
 * same idempotency key. The client's boundaries are checked again at the moment of sending (after downtime: only
 * reminders whose window is still open, and never at night).
 */
package app.steady.reminders.dispatch;
