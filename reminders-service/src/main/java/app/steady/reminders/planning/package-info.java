/**
 * When a reminder may go out, given the client's boundaries: their time zone, quiet hours (which may span
 * midnight), paused periods, per-kind opt-outs and a daily cap. Pure domain rules, no Spring.
 */
package app.steady.reminders.planning;
