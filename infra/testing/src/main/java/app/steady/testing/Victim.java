package app.steady.testing;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The client the isolation matrix protects, with what was seeded for them: named values (ids that fill path variables
 * and bodies, and content) that the rightful callers must see and nobody else may. The client's id is one of them.
 */
public final class Victim {

    /** Seeds a value when a probe first needs it. */
    @FunctionalInterface
    public interface Seeder {
        String seed() throws Exception;
    }

    private final MatrixTenant tenant;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> secrets = new LinkedHashSet<>();
    private String therapist;

    Victim(MatrixTenant tenant) {
        this.tenant = tenant;
        this.therapist = tenant.therapist();
        secrets.add(tenant.client());
    }

    public MatrixTenant tenant() {
        return tenant;
    }

    public String tenantId() {
        return tenant.id();
    }

    public String client() {
        return tenant.client();
    }

    /** The client's treating therapist now. */
    public String therapist() {
        return therapist;
    }

    /** The tenant's therapist who is not the client's: a colleague, or after a reassignment the former therapist. */
    public String otherTherapist() {
        return therapist.equals(tenant.therapist()) ? tenant.otherTherapist() : tenant.therapist();
    }

    public String clientToken() {
        return tenant.clientToken();
    }

    public String therapistToken() {
        return tenant.therapistToken(therapist);
    }

    public String adminToken() {
        return tenant.adminToken();
    }

    /** Names a seeded value; being the client's, it must never reach anyone but the rightful callers. */
    public String put(String name, String value) {
        values.put(name, value);
        secrets.add(value);
        return value;
    }

    /** Names a value a probe needs that is nobody's secret (a date, a version number). */
    public String note(String name, String value) {
        values.put(name, value);
        return value;
    }

    /** Seeded content that no other seeded tenant can have by chance (so finding it elsewhere is a leak). */
    public String text(String name, String words) {
        return put(name, words + " " + UUID.randomUUID().toString().substring(0, 8));
    }

    public String get(String name) {
        String value = values().get(name);
        if (value == null) {
            throw new IllegalStateException("Nothing seeded as {" + name + "}: seed it, or give the probe a value for it");
        }
        return value;
    }

    /** The value named so, seeded the first time a probe asks for it (data only some probes need). */
    public String once(String name, Seeder seeder) throws Exception {
        String value = values.get(name);
        return value != null ? value : put(name, seeder.seed());
    }

    /** The template (a path or a body) with each {name} replaced by the victim's value of that name. */
    public String fill(String template) {
        return Probe.fill(template, values());
    }

    /** Every named value, with {clientId} and {therapistId} (the therapist now). */
    public Map<String, String> values() {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("clientId", client());
        all.put("therapistId", therapist);
        return all;
    }

    Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    void reassignedTo(String newTherapist) {
        therapist = newTherapist;
    }
}
