/**
 * The one shared Spring Boot auto-configuration of Steady: each concern is written once here and
 * configured by the services, never copied.
 *
 * <ul>
 *   <li>{@code events}: the JSON form of events, their schemas and the topic names of a deployment;</li>
 *   <li>{@code outbox}: accepted writes and the events they cause stored in one atomic document write, and the
 *       relay that publishes them to Kafka;</li>
 *   <li>{@code consuming}: batch consumption with envelope and schema checks, dead-lettering, bounded retries and
 *       the consumption ledger that makes redelivery and replay harmless;</li>
 *   <li>{@code security}: bearer JWTs, the {@link app.steady.platform.security.Caller} and tenant scoping;</li>
 *   <li>{@code web}: RFC 9457 problem details and request limits;</li>
 *   <li>{@code observability} and {@code config}: common metric tags, log context and the shared defaults.</li>
 * </ul>
 */
package app.steady.platform;
