package app.steady.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that carries a client's health information (scores, answers, mood, emotions, sleep, notes,
 * flag evidence, free text). Producers never write such fields in clear: they travel together in the event's
 * {@code sealed} object, encrypted under the client's data key, so that destroying the key at erasure makes every
 * copy in Kafka's history unreadable (crypto-shredding). The schemas mark the same fields {@code "x-sealed": true};
 * identifiers stay in clear as pseudonymous keys. See {@code docs/events.md}, "Sealed fields".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface HealthData {
}
