/**
 * Delivery channels behind one interface: a signed webhook, and a {@code reminder-due} event for a provider's own
 * push gateway. Each delivery carries the reminder's idempotency key, the same on every attempt, so a channel that
 * sees a key twice (after a dispatcher died mid-send) can drop the repeat.
 */
package app.steady.reminders.channels;
