/**
 * Steady's event contract: the topics, the event types on them and the data each carries.
 *
 * <p>Events are CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers
 * ({@link app.steady.events.CloudEventHeaders}), the data as a JSON record value, and the record key is
 * the subject (the client id, so a client's events keep their order). Each producing service writes one
 * topic ({@link app.steady.events.Topic}, single writer); {@link app.steady.events.EventType} is the
 * typed catalogue of every event type with its data record, and each type has a JSON Schema and a golden
 * example under {@code /events/schemas} and {@code /events/examples} on the classpath.
 *
 * <p>Versioning rule: the major version is part of the type ({@code steady.goals.goal-set.v1}).
 * Within a version a producer may only add optional fields; consumers ignore fields they do not know.
 * Removing or renaming a field, or changing its meaning or type, is a new version: the producer
 * publishes both versions until every consumer has moved, then retires the old one.
 *
 * <p>This module has no Spring and no JSON mapper in it, so any consumer can depend on it.
 */
package app.steady.events;
