package app.steady.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The command-line arguments a service process is started with: a suite's defaults and its own settings. */
final class LaunchArguments {

    private LaunchArguments() {
    }

    /**
     * The defaults, each replaced by an extra argument setting the same property (Spring would otherwise join both
     * values with a comma), then the extra arguments.
     */
    static List<String> withDefaults(List<String> defaults, List<String> extra) {
        Set<String> overridden = extra.stream().map(LaunchArguments::propertyOf).collect(Collectors.toSet());
        List<String> arguments = new ArrayList<>(defaults.stream()
                .filter(argument -> !overridden.contains(propertyOf(argument))).toList());
        arguments.addAll(extra);
        return arguments;
    }

    private static String propertyOf(String argument) {
        int equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }
}
