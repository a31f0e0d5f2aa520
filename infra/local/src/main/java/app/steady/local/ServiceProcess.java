package app.steady.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Steady service running from its executable jar on its own port. */
public class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int healthPort;
    private final ManagedProcess process;

    public ServiceProcess(String name, Path jar, int port, Path logDir) {
        this(name, jar, port, port, logDir);
    }

    /** A process whose health endpoints are on a port of their own (the gateway's management port). */
    public ServiceProcess(String name, Path jar, int port, int healthPort, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.healthPort = healthPort;
        this.process = new ManagedProcess(name, logDir.resolve(name + ".log"));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where its health and metrics are: its own origin, or its management port where it has one. */
    public String managementBaseUrl() {
        return "http://127.0.0.1:" + healthPort;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** JVM settings for a quick start on a small machine (the launcher, tests). */
    public static final List<String> QUICK_START_JVM = List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    public void start(Map<String, String> environment, List<String> extraArguments) {
        start(environment, QUICK_START_JVM, extraArguments);
    }

    /** Starts the service with these JVM options (benchmarks use a full JIT and a 512 MB heap). */
    public void start(Map<String, String> environment, List<String> jvmOptions, List<String> extraArguments) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        if (Waits.portOpen(port)) {
            throw new IllegalStateException("Port " + port + " for " + name + " is taken");
        }
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        arguments.addAll(extraArguments);
        process.start(ManagedProcess.java(arguments.toArray(String[]::new)), environment);
    }

    public void awaitReady(Duration timeout) {
        Waits.until(name + " to be ready (log: " + logFile() + ")", timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + logFile());
            }
            return ready();
        });
    }

    public boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementBaseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void stop() {
        process.stop();
    }

    public void kill() {
        process.kill();
    }

    public boolean isAlive() {
        return process.isAlive();
    }
}
