package app.steady.platform.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's shared defaults ({@code steady-platform-defaults.yml}) behind every other property source,
 * so each service's {@code application.yml}, the environment and the command line override them; and names this
 * instance once ({@code steady.instance-id}) for metrics, the relay lease and logs.
 *
 * <p>Secrets may also come as files, one per secret, named like the environment variable they stand for (a
 * Kubernetes Secret or Docker secret mounted at {@code STEADY_SECRETS_DIR}, default {@value #DEFAULT_SECRETS_DIR}):
 * a file {@code STEADY_JWT_HMAC_SECRET} counts as that variable. The environment still wins over a file.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String DEFAULTS = "steady-platform-defaults.yml";
    static final String SECRETS_DIR = "STEADY_SECRETS_DIR";
    static final String DEFAULT_SECRETS_DIR = "/run/secrets/steady";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path secrets = Path.of(environment.getProperty(SECRETS_DIR, DEFAULT_SECRETS_DIR));
        if (Files.isDirectory(secrets)) {
            environment.getPropertySources().addLast(new ConfigTreePropertySource("steady-secrets", secrets,
                    ConfigTreePropertySource.Option.AUTO_TRIM_TRAILING_NEW_LINE));
        }
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
