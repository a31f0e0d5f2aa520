/**
 * Consuming events, written once for every service: records arrive in batches (the framework, not Kafka, is the
 * first throughput ceiling), each is checked against the CloudEvents envelope and its JSON Schema, events of
 * unknown types are counted and skipped, invalid ones go to the group's dead-letter topic with the reason, and
 * the rest reach the service's {@link app.steady.platform.consuming.EventHandler}. Handlers record what they
 * applied in a {@link app.steady.platform.consuming.ConsumptionLedger} stored with the effect, so redelivery and
 * replay change nothing.
 */
package app.steady.platform.consuming;
