package app.steady.platform.outbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Document} aggregate whose collection may hold pending events, so the relay knows where to
 * look after a restart. Write such aggregates through {@link AggregateStore}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PublishesEvents {
}
