/**
 * Early signs of distress as risk flags, acknowledged by the therapist. A sign is raised once (flag ids derive from the
 * sign's source key, and every flag lists the signs it holds, so redelivery and replay cannot raise it again); while a
 * flag of a kind is open, the same sign again joins it as evidence without a new page. A flag names its evidence and is
 * context for a clinician, never shown to the client. {@link app.steady.analytics.flags.RaiseFaults} holds the
 * test-only chaos hooks of the safety drill.
 */
package app.steady.analytics.flags;
