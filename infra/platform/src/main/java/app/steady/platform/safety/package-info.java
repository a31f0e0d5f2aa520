/**
 * Each tenant's safety settings: its on-call contacts (who takes a high-priority risk flag when the treating therapist
 * cannot), the crisis resources its clients are shown, and how long an unacknowledged high-priority flag waits
 * before it goes to on-call. goals-service owns them (admins maintain them through its API) and publishes every
 * change; homework- and reminders-service keep a {@link app.steady.platform.safety.TenantSafetyReplica}.
 */
package app.steady.platform.safety;
