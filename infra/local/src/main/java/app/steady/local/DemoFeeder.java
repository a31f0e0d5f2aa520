package app.steady.local;

import java.util.List;

/** Feeds realistic activity through the public APIs so a newcomer sees the platform working. */
final class DemoFeeder {

    private final DevTokens tokens;
    private final String tenant;
    private final List<ServiceProcess> services;

    DemoFeeder(DevTokens tokens, String tenant, List<ServiceProcess> services) {
        this.tokens = tokens;
        this.tenant = tenant;
        this.services = services;
    }

    void feed() {
        System.out.println("Demo mode: feeding activity ...");
    }
}
