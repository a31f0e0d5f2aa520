/**
 * Who may see whose information. goals-service owns the assignment of clients to therapists (maintained by admins
 * through its API) and publishes it; every other service keeps a {@link app.steady.platform.caseload.CaseloadReplica}
 * from those events. {@link app.steady.platform.caseload.ClientAccess} applies the one rule everywhere: a client sees
 * their own information, a therapist that of the clients on their caseload in their tenant, and anyone else gets
 * 404 (so nobody can probe for other people's data).
 */
package app.steady.platform.caseload;
