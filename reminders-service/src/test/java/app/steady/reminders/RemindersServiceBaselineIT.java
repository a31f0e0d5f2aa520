package app.steady.reminders;

import app.steady.testing.ConsumingServiceBaseline;

/** reminders-service meets the baseline of every consuming service (health, metrics access, caseload replica). */
class RemindersServiceBaselineIT extends ConsumingServiceBaseline {
}
