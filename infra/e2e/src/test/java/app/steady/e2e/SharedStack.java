package app.steady.e2e;

import app.steady.local.ServiceProcess;
import app.steady.testing.FreePorts;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One whole Steady for the end-to-end suites that need all four services as they run in production: clinician
 * notifications by e-mail (to a GreenMail SMTP server of its own), on-call pages to webhooks, short delivery retries,
 * every span exported to a stand-in OpenTelemetry collector ({@link #traces()}), and the front door in front of them
 * (for its metrics only: its routes lead to the services as they ran at start-up, and suites restart some). Started
 * once per test JVM on first use and stopped when the JVM exits, so suites share its start-up (about a minute and a
 * half) instead of paying it each. Suites keep out of each other's way by using tenants and clients of their own, and
 * what must be seen fresh is kept from the start ({@link #prometheusAtStartUp()}).
 */
final class SharedStack {

    static final List<String> SERVICES = List.of("goals-service", "homework-service", "reminders-service",
            "analytics-service");

    /**
     * Order of the suites that use it ({@code @Order} on the class; failsafe orders classes by it): after every suite
     * with a stack of its own, so that this one never idles beside theirs, and all in a row.
     */
    static final int SUITE_ORDER = org.junit.jupiter.api.Order.DEFAULT + 1;

    private static SharedStack instance;

    final String prefix = "stack" + UUID.randomUUID().toString().substring(0, 6) + ".";
    final int smtpPort = FreePorts.next();
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    private volatile GreenMail mail;
    private OtlpSink traces;
    private volatile ServiceProcess gateway;
    private boolean stopped;
    private Map<String, String> prometheusAtStartUp;
    private final List<MimeMessage> earlierMail = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SharedStack() {
    }


    /** Stops it, if it runs, for another stack's suites; the next {@link #get()} starts a new one. */
    static synchronized void stopIfRunning() {
        if (instance != null) {
            instance.stop();
            instance = null;
        }
    }

    static synchronized SharedStack get() {
        if (instance == null) {
            LaunchedSteady.stopIfRunning();   // one long-lived stack at a time: an idle one only slows this one down
            SharedStack stack = new SharedStack();
            // Before anything starts: a start-up that fails half-way must not leave processes behind.
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop));
            stack.startMail();
            stack.traces = OtlpSink.start();
            stack.startServices();
            stack.gateway = SteadyProcesses.startGateway(stack.services);
            stack.prometheusAtStartUp = Map.copyOf(stack.prometheus());
            instance = stack;
        }
        return instance;
    }

    String url(String service, String path) {
        return services.get(service).baseUrl() + path;
    }

    ServiceProcess process(String service) {
        return services.get(service);
    }

    /** The spans every service exported (sampling everything). */
    OtlpSink traces() {
        return traces;
    }

    /**
     * Each service's {@code /actuator/prometheus} right after start-up, before any suite used it, and the gateway's
     * (as {@code steady-gateway}).
     */
    Map<String, String> prometheusAtStartUp() {
        return prometheusAtStartUp;
    }

    /** Each service's {@code /actuator/prometheus} now (with an operator token), and the gateway's (as {@code steady-gateway}). */
    Map<String, String> prometheus() {
        Map<String, String> scrapes = new java.util.TreeMap<>();
        for (String service : SERVICES) {
            scrapes.put(service, scrape(service, url(service, "/actuator/prometheus"),
                    app.steady.testing.TestTokens.operator("stack-operations")));
        }
        // The gateway's metrics are on its management port, without a token.
        scrapes.put("steady-gateway", scrape("gateway", gateway.managementBaseUrl() + "/actuator/prometheus", null));
        return scrapes;
    }

    private static String scrape(String what, String url, String token) {
        Http.Response scrape = Http.send("GET", url, token, null);
        org.assertj.core.api.Assertions.assertThat(scrape.status()).as(what + " /actuator/prometheus: " + scrape.body())
                .isEqualTo(200);
        return scrape.body();
    }

    /** The arguments every instance of a service runs with here (and, for all, exporting every span). */
    List<String> argumentsOf(String service) {
        List<String> tracing = List.of("--management.opentelemetry.tracing.export.otlp.endpoint=" + traces.endpoint(),
                "--management.tracing.sampling.probability=1.0");
        List<String> arguments = new ArrayList<>(tracing);
        arguments.addAll(ownArgumentsOf(service));
        return arguments;
    }

    private List<String> ownArgumentsOf(String service) {
        return switch (service) {
            case "goals-service" -> List.of("--steady.goals.safety.allow-http-pager-urls=true",
                    "--steady.goals.safety.allow-private-pager-hosts=true",
                    "--steady.goals.safety.min-escalation=PT10S");
            case "reminders-service" -> List.of("--steady.reminders.channels.clinician-channel=EMAIL",
                    "--steady.reminders.channels.allow-private-hosts=true",
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                    "--steady.reminders.max-attempts=2", "--steady.reminders.retry-backoff=PT1S");
            default -> List.of();
        };
    }

    /** Replaces the running instance of a service by one with these extra arguments (none: as it normally runs). */
    ServiceProcess restart(String service, String instanceName, String... extraArguments) {
        ServiceProcess running = services.get(service);
        if (running != null && running.isAlive()) {
            running.stop();
        }
        List<String> arguments = new ArrayList<>(argumentsOf(service));
        arguments.addAll(List.of(extraArguments));
        for (int attempt = 1; ; attempt++) {
            try {
                ServiceProcess started = SteadyProcesses.startInstance(instanceName, service, prefix,
                        arguments.toArray(String[]::new));
                services.put(service, started);
                return started;
            } catch (IllegalStateException portTaken) {
                // A free port can be taken by another process's outgoing connection before the service binds it
                // (four services start at once here): try another one.
                if (attempt == 3 || !String.valueOf(portTaken.getMessage()).contains("is taken")) {
                    throw portTaken;
                }
            }
        }
    }

    // ---- e-mail -------------------------------------------------------------------------------------------

    /**
     * Every message received so far to this address that mentions {@code about} (a client id: a weekly digest to the
     * same therapist is not about the client), across restarts of the SMTP server.
     */
    List<MimeMessage> mailTo(String address, String about) {
        List<MimeMessage> all = new ArrayList<>(earlierMail);
        all.addAll(List.of(mail.getReceivedMessages()));
        return all.stream().filter(message -> isTo(message, address) && GreenMailUtil.getBody(message).contains(about))
                .toList();
    }

    /** The SMTP server goes away (connections refused) until {@link #startMail()}; what it received is kept. */
    synchronized void stopMail() {
        earlierMail.addAll(List.of(mail.getReceivedMessages()));
        mail.stop();
    }

    synchronized void startMail() {
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return java.util.Arrays.stream(message.getAllRecipients())
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startServices() {
        CompletableFuture.allOf(SERVICES.stream()
                .map(service -> CompletableFuture.runAsync(() -> restart(service, service)))
                .toArray(CompletableFuture[]::new)).join();
    }

    private synchronized void stop() {
        if (stopped) {
            return;   // stopped for another stack already
        }
        stopped = true;
        if (gateway != null && gateway.isAlive()) {
            gateway.stop();
        }
        services.values().forEach(process -> {
            if (process.isAlive()) {
                process.stop();
            }
        });
        if (mail != null) {
            mail.stop();
        }
        if (traces != null) {
            traces.close();
        }
    }
}
