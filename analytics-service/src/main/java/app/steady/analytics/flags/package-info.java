/**
 * Early signs of distress as risk flags, raised once per episode (their ids are derived from the episode, so
 * redelivery and replay cannot raise them again) and acknowledged by the therapist. A flag names its evidence and is
 * context for a clinician, never shown to the client.
 */
package app.steady.analytics.flags;
