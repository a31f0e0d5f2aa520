package app.steady.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's shared defaults ({@code steady-platform-defaults.yml}) behind every other property source,
 * so each service's {@code application.yml}, the environment and the command line override them; and names this
 * instance once ({@code steady.instance-id}) for metrics, the relay lease and logs.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String DEFAULTS = "steady-platform-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("steady-platform-defaults",
                    new ClassPathResource(DEFAULTS))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!environment.containsProperty("steady.instance-id")) {
            environment.getPropertySources().addLast(new MapPropertySource("steady-instance",
                    Map.of("steady.instance-id", hostName() + "-" + ManagementFactory.getRuntimeMXBean().getPid())));
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
