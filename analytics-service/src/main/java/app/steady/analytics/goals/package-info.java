/** Each client's goals as analytics sees them: counts by status, kept current from goals-service's events. */
package app.steady.analytics.goals;
