package app.steady.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.events.goals.ClientAssigned;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The isolation matrix of a service: every endpoint (read from its request mappings, so a new one fails the build
 * until it is classified), called with a valid body and real ids by every {@link Party} — the client, their therapist,
 * an admin, a colleague, the people of another tenant, an operator. Two tenants are seeded, each with a client who has
 * data in the service, created as the rightful callers create it. The rightful callers must get 2xx (a positive
 * control: without it a refusal proves nothing), everyone else 403 or 404 as a problem document without any of the
 * client's data, or — where the endpoint is theirs too — their own view without it. A valid body means a 400 can no
 * longer hide a missing check. The matrix runs again after the client moves to another therapist: the former one must
 * lose sight of them, the new one gain it.
 *
 * <p>A service's test declares a {@link Probe} per endpoint and seeds the client's data ({@link #seed}).
 */
@SteadyIntegrationTest
public abstract class IsolationMatrix {

    /** Who an endpoint is for: the rightful callers and who gets an own view, before a probe's adjustments. */
    public enum Scope {
        /** About one client (path has {clientId}): the client and their therapist only. */
        CLIENT(EnumSet.of(Party.CLIENT, Party.THERAPIST), EnumSet.noneOf(Party.class)),
        /**
         * Tenant administration: the tenant's admins; another tenant's admin sees their own tenant's. Every other role
         * is refused with 403 by its role alone, before the request is read (steady.security.admin-paths).
         */
        ADMIN(EnumSet.of(Party.ADMIN), EnumSet.of(Party.OTHER_TENANT_ADMIN)),
        /** A therapist's own data ({therapistId} or /me): that therapist; other therapists see their own. */
        THERAPIST(EnumSet.of(Party.THERAPIST),
                EnumSet.of(Party.OTHER_THERAPIST, Party.OTHER_TENANT_THERAPIST, Party.THERAPIST_ID_IN_OTHER_TENANT)),
        /**
         * Tenant-wide reference data (e.g. the library): the tenant's clients, therapists and admins (not an operator,
         * whose token is for metrics); other tenants see their own.
         */
        TENANT(EnumSet.of(Party.CLIENT, Party.THERAPIST, Party.ADMIN, Party.OTHER_CLIENT, Party.OTHER_THERAPIST),
                EnumSet.of(Party.OTHER_TENANT_CLIENT, Party.OTHER_TENANT_THERAPIST, Party.THERAPIST_ID_IN_OTHER_TENANT,
                        Party.OTHER_TENANT_ADMIN)),
        /** A client's request of their rights (an erasure): the client and the tenant's admins; 404 to others. */
        REQUESTER(EnumSet.of(Party.CLIENT, Party.ADMIN), EnumSet.noneOf(Party.class));

        private final Set<Party> allowed;
        private final Set<Party> ownView;

        Scope(Set<Party> allowed, Set<Party> ownView) {
            this.allowed = allowed;
            this.ownView = ownView;
        }

        Probe.Expectation expectationOf(Party party) {
            return allowed.contains(party) ? Probe.Expectation.ALLOWED
                    : ownView.contains(party) ? Probe.Expectation.OWN_VIEW : Probe.Expectation.REFUSED;
        }

        /** The statuses of a refusal: by role alone (403) for administration, else 403 or 404 (as if not there). */
        List<Integer> refusals() {
            return this == ADMIN ? List.of(403) : List.of(403, 404);
        }
    }

    /**
     * The platform's audit trail, in every service: the tenant's admins, whose trail shows the seeded accesses to the
     * client. Probed first, before the matrix's outsiders have knocked: each tenant's trail rightly records its own
     * users' refused attempts, with the client id they tried, so later the other tenant's trail would name the victim
     * through no fault of the service.
     */
    private Probe audit() {
        return Probe.of("GET /audit/" + service, Scope.ADMIN).shows("clientId");
    }

    /** The same trail at its deprecated path (kept for one release). */
    private static final Probe DEPRECATED_AUDIT = Probe.of("GET /audit", Scope.ADMIN).shows("clientId");

    @Value("${spring.application.name}")
    String service;

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected TopicNames topics;
    @Autowired
    protected EventJson json;
    @Autowired
    protected CaseloadDirectory caseload;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** A probe for every endpoint of the service (the audit trail's are the matrix's own), in the order they are run. */
    protected abstract List<Probe> probes();

    /**
     * Gives the victim data in this service, created the way the rightful callers (or the services whose events this
     * one reads) create it, and names it in the victim: ids for the probes' path variables, content nobody else may
     * see. Runs once the client is on their therapist's caseload. The seeded accesses of the therapist must include
     * one about the client (the audit trail's positive control).
     */
    protected abstract void seed(Victim victim) throws Exception;

    /** What a tenant needs before its clients can be assigned; nothing unless the service says so. */
    protected void prepare(MatrixTenant tenant) throws Exception {
    }

    /**
     * Puts a client on a therapist's caseload (or moves them) as goals-service announces it, and waits until this
     * service knows.
     */
    protected void assign(MatrixTenant tenant, String client, String therapist) throws Exception {
        TestEvents.publish(topics, json, tenant.id(), new ClientAssigned(client, therapist, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> caseload.therapistOf(tenant.id(), client).equals(Optional.of(therapist)));
    }

    @Test
    protected void everyEndpointIsClassified() {
        assertThat(new TreeSet<>(ServiceEndpoints.of(mappings)))
                .as("give every new endpoint a probe in the service's isolation matrix")
                .isEqualTo(new TreeSet<>(allProbes().stream().map(Probe::endpoint).toList()));
    }

    @Test
    protected void anonymousCallsAreRefused() throws Exception {
        for (String endpoint : ServiceEndpoints.of(mappings)) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(method.length() + 1).replaceAll("\\{[A-Za-z]+}", "x-" + UUID.randomUUID());
            int status = mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)).andReturn()
                    .getResponse().getStatus();
            assertThat(status).as(endpoint).isEqualTo(401);
        }
    }

    @Test
    protected void onlyTheRightfulCallersReachTheClientsData() throws Exception {
        Victim victim = seededTenant();
        probeEverything(victim, seededTenant().tenant());
    }

    @Test
    protected void afterAReassignmentOnlyTheNewTherapistReachesTheClient() throws Exception {
        Victim victim = seededTenant();
        MatrixTenant otherTenant = seededTenant().tenant();
        String newTherapist = victim.otherTherapist();
        assign(victim.tenant(), victim.client(), newTherapist);
        victim.reassignedTo(newTherapist);
        // Now THERAPIST is the new one and OTHER_THERAPIST the former: every rightful call and every refusal again.
        probeEverything(victim, otherTenant);
    }

    /** A fresh tenant whose client is on their therapist's caseload (the colleague has a client too), with data. */
    protected final Victim seededTenant() throws Exception {
        MatrixTenant tenant = MatrixTenant.random();
        prepare(tenant);
        assign(tenant, tenant.client(), tenant.therapist());
        assign(tenant, tenant.otherClient(), tenant.otherTherapist());
        Victim victim = new Victim(tenant);
        seed(victim);
        return victim;
    }

    private void probeEverything(Victim victim, MatrixTenant otherTenant) throws Exception {
        MatrixRun run = new MatrixRun(mvc, victim, otherTenant);
        for (Probe probe : allProbes()) {
            run.probe(probe);
        }
        run.assertHeld();
        LoggerFactory.getLogger(getClass()).info("Isolation matrix held: {} calls about {} of {}", run.calls(),
                victim.client(), victim.tenantId());
    }

    private List<Probe> allProbes() {
        List<Probe> all = new ArrayList<>(List.of(audit(), DEPRECATED_AUDIT));
        all.addAll(probes());
        return all;
    }

    /** Calls the API as a rightful caller while seeding; returns the answer, which must be a 2xx. */
    protected MockHttpServletResponse call(String token, String method, String path, String body) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
                .header("Authorization", token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("seeding: %s %s answered %s", method, path,
                response.getContentAsString(StandardCharsets.UTF_8)).isBetween(200, 299);
        return response;
    }

    /** Calls the API as {@link #call} does and reads one value of the JSON answer (a JsonPath, e.g. "$.id"). */
    protected String callFor(String jsonPath, String token, String method, String path, String body) throws Exception {
        Object value = JsonPath.read(call(token, method, path, body).getContentAsString(StandardCharsets.UTF_8), jsonPath);
        return String.valueOf(value);
    }
}
