/**
 * Tenant-level aggregates for providers: adherence by week and outcome distributions by therapist, with recovery and
 * reliable-recovery and reliable-improvement rates, counted per episode of care. Minimum necessary: no cell is shown for fewer than {@value
 * app.steady.analytics.provider.ProviderOutcomes#MIN_CELL} clients. The database counts: the service sums the rows each
 * client record keeps for it ({@link app.steady.analytics.client.Tally}) in one aggregation and never reads a record.
 */
package app.steady.analytics.provider;
