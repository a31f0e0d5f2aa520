package app.steady.analytics;

import app.steady.testing.ConsumingServiceBaseline;

/** analytics-service meets the baseline of every consuming service (health, metrics access, caseload replica). */
class AnalyticsServiceBaselineIT extends ConsumingServiceBaseline {
}
