/**
 * Notifications for clinicians and gentle prompts for clients that come from clinical events. A risk flag always ends
 * at a named person: a high-priority one goes to the treating therapist at once and, unacknowledged after the tenant's
 * escalation time, to its on-call clinicians; to on-call at once when there is no therapist, no way to reach them, or
 * delivery to them failed. Routine flags go to the therapist only (analytics' missed-homework flag as a note), never to
 * on-call. Early signs become a self-care prompt to the client (never the flag itself, never at night); agreed goals
 * get periodic check-in invitations; the weekly digest is delivered to its therapist.
 */
package app.steady.reminders.notifications;
