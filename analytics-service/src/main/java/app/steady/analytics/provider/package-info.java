/**
 * Tenant-level aggregates for providers: adherence by week and outcome distributions by therapist, with recovery and
 * reliable-recovery and reliable-improvement rates, counted per episode of care. Minimum necessary: no cell is shown for fewer than {@value
 * app.steady.analytics.provider.ProviderOutcomes#MIN_CELL} clients.
 */
package app.steady.analytics.provider;
