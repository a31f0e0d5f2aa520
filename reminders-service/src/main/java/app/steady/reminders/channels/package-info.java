/**
 * Delivery channels behind one interface: a signed webhook and a {@code reminder-due} event for a provider's own push
 * gateway (client reminders), e-mail for clinicians, and on-call delivery (a signed page to each on-call contact's pager
 * URL, or an e-mail). Each delivery carries the reminder's idempotency key, the same on every attempt, so a channel
 * that sees a key twice (after a dispatcher died mid-send) can drop the repeat. A failure says whether retrying can
 * help; failed risk deliveries are counted for the operations alert.
 */
package app.steady.reminders.channels;
