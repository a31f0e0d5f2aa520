package app.steady.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that must run after every other class of its module's test JVM, because it checks what they did (the
 * store scans of issue 17). Needs {@code junit.jupiter.testclass.order.default=app.steady.testing.RunLastOrderer} in
 * the module's {@code junit-platform.properties}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RunLast {
}
