/**
 * The tenant's safety settings, owned here: who is on call for a risk flag the treating therapist cannot take, the
 * crisis resources clients are shown (per locale), and how long an unacknowledged high-priority flag waits before it
 * goes to on-call. Tenant admins replace them whole through the API; every change is published as a versioned
 * tenant-safety-settings-updated event for the other services' replicas, and clients can be assigned only while a
 * reachable on-call contact is set (the caseload asks through {@link app.steady.platform.safety.TenantSafetyDirectory}).
 */
package app.steady.goals.safety;
