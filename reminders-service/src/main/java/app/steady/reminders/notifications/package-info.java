/**
 * Notifications for clinicians and gentle prompts for clients that come from clinical events: a risk flag goes to the
 * treating therapist at once and, if nobody acknowledges it in time, to the tenant's on-call contact; a run of missed
 * homework becomes a note to the therapist rather than more nagging of the client; early signs become a self-care
 * prompt to the client (never the flag itself); agreed goals get periodic check-in invitations; the weekly digest
 * is delivered to its therapist.
 */
package app.steady.reminders.notifications;
