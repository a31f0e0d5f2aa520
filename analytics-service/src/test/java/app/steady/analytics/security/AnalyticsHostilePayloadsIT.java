package app.steady.analytics.security;

import app.steady.testing.HostilePayloads;

/** Every write endpoint of analytics-service under hostile and malformed bodies: only 4xx, nothing stored. */
class AnalyticsHostilePayloadsIT extends HostilePayloads {
}
