/**
 * Homework schedules ("every weekday at 08:00 and 20:00") and the occurrences derived from them, computed on the
 * fly rather than stored so that editing a schedule never leaves stale occurrences behind.
 *
 * <p>Schedules live in the client's own time zone, and the daylight-saving rule is: a due time keeps its local
 * wall-clock time (a 09:00 daily stays 09:00 local before and after a change, so its UTC instant moves by an hour).
 * A local time that does not exist on a spring-forward day (in the gap) happens later by the length of the gap
 * (02:30 becomes 03:30 in New York and Sydney, 01:30 becomes 02:30 in London); a local time that happens twice on
 * a fall-back day (in the overlap) happens once, at the earlier of the two instants. This is exactly
 * {@code ZonedDateTime.ofLocal(localDateTime, zone, null)}. An occurrence's id keeps the scheduled local time;
 * its {@code dueLocal} shows the shifted one. Pure domain code, no Spring.
 */
package app.steady.homework.schedule;
