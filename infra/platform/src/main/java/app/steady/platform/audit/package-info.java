/**
 * The audit trail (HIPAA §164.312(b)): every request about a client made by someone other than that client is
 * recorded, allowed or not — who, role, tenant, which client, what, when, from where, outcome — in an append-only
 * collection of the service's own database, kept for {@code steady.audit.retention} (six years by default) and
 * queryable by the tenant's admins.
 */
package app.steady.platform.audit;
