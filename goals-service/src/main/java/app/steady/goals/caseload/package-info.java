/**
 * The caseload: which therapist treats which client, per tenant. Owned here, maintained by admins through the API,
 * published as client-assigned / client-unassigned events for the other services' replicas.
 */
package app.steady.goals.caseload;
