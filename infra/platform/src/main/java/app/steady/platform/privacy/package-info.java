/**
 * The client's privacy rights across the event-driven system, the same in every service.
 *
 * <ul>
 *   <li>Erasure: {@link ClientErasureHandler} reacts to client-erasure-requested by asking every
 *       {@link ClientDataOwner} of the service to delete the client's data (and keys), pseudonymising the audit
 *       trail, and writing a {@link ErasedClients tombstone} together with the service's client-erased
 *       acknowledgement. From then on the consumer drops the client's events, so a replay cannot bring them back.</li>
 *   <li>Export: {@link ClientExportHandler} answers client-export-requested with the service's part, gathered from
 *       the same owners and {@link Sealing sealed} for the requesting export.</li>
 * </ul>
 * Tombstones and proofs are keyed by {@link SubjectDigest}, never by the client id.
 */
package app.steady.platform.privacy;
