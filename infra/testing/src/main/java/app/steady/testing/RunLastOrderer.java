package app.steady.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/** Moves {@link RunLast} classes to the end and leaves every other class where JUnit put it (a stable sort). */
public final class RunLastOrderer implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor c) -> c.isAnnotated(RunLast.class)));
    }
}
