package app.steady.homework;

import app.steady.testing.ConsumingServiceBaseline;

/** homework-service meets the baseline of every consuming service (health, metrics access, caseload replica). */
class HomeworkServiceBaselineIT extends ConsumingServiceBaseline {
}
