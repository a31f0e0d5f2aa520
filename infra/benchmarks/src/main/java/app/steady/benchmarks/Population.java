package app.steady.benchmarks;

import java.util.List;

/**
 * A provider's clients: ids unique across tenants, 200 clients per therapist (a full caseload), therapists spread
 * over the tenants, clients over time zones around the world.
 */
record Population(int clients, int tenants) {

    static final int CASELOAD = 200;
    static final List<String> ZONES = List.of("Europe/London", "America/New_York", "America/Los_Angeles",
            "Australia/Sydney", "Asia/Kolkata", "Europe/Berlin", "America/Sao_Paulo", "Asia/Tokyo", "Africa/Johannesburg",
            "Pacific/Auckland");

    String client(int i) {
        return "client-" + i;
    }

    String therapistOf(int i) {
        return "therapist-" + (i / CASELOAD);
    }

    String tenantOf(int i) {
        return "tenant-" + ((i / CASELOAD) % tenants);
    }

    String zoneOf(int i) {
        return ZONES.get(i % ZONES.size());
    }
}
