/**
 * The transactional outbox, built on single-document atomicity (MongoDB's unit of consistency, and the only one
 * the embedded wire server offers): an aggregate and the events its change causes are written in one document
 * write by {@link app.steady.platform.outbox.AggregateStore}; {@link app.steady.platform.outbox.OutboxRelay}
 * publishes them with the idempotent producer and removes them once Kafka has acknowledged them. A write the API
 * accepted therefore reaches Kafka even when Kafka is down at that moment.
 */
package app.steady.platform.outbox;
