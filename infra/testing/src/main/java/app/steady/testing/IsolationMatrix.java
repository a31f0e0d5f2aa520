package app.steady.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The isolation matrix of a service, generated from its own request mappings: every endpoint must be classified by
 * the service's test (so a new endpoint fails the build until someone decides who may call it), anonymous calls get
 * 401, and for every endpoint about a client, callers who are not that client or their therapist — another client,
 * another therapist, the same therapist id in another tenant, an operator — never get a 2xx and never see the
 * anything but a problem document (RFC 9457: no data). Admin-only endpoints refuse clients with 403, before reading
 * the request.
 */
@SteadyIntegrationTest
public abstract class IsolationMatrix {

    /** Who an endpoint is for. */
    public enum Scope {
        /** About one client (path has {clientId}): the client and their therapist only. */
        CLIENT,
        /** Tenant administration: admins only. */
        ADMIN,
        /** A therapist's own data ({therapistId} or /me): that therapist (and for contacts, admins). */
        THERAPIST,
        /** Tenant-wide reference data any authenticated user of the tenant may read (e.g. the library). */
        TENANT,
        /** A record of a client's request (an erasure): the tenant's admins and the client it is about; 404 to others. */
        REQUESTER
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Every API endpoint of the service as "METHOD /path/{var}", with who it is for. */
    protected abstract Map<String, Scope> classification();

    @Test
    void everyEndpointIsClassified() {
        assertThat(new TreeSet<>(ServiceEndpoints.of(mappings)))
                .as("classify new endpoints in the service's isolation matrix")
                .isEqualTo(new TreeSet<>(classification().keySet()));
    }

    @Test
    void anonymousCallsAreRefused() throws Exception {
        for (String endpoint : ServiceEndpoints.of(mappings)) {
            MvcResult result = mvc.perform(request(endpoint, "victim", null)).andReturn();
            assertThat(result.getResponse().getStatus()).as(endpoint).isEqualTo(401);
        }
    }

    @Test
    void nobodyButTheClientAndTheirTherapistReachesAClientsData() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        String victim = "victim-" + UUID.randomUUID();
        List<String> outsiders = List.of(
                TestTokens.client(tenant, "another-client"),
                TestTokens.therapist(tenant, "another-therapist"),
                TestTokens.therapist("another-tenant", "therapist-of-victim"),
                TestTokens.client("another-tenant", "another-client"),
                TestTokens.operator(tenant));
        for (Map.Entry<String, Scope> endpoint : classification().entrySet()) {
            if (endpoint.getValue() != Scope.CLIENT) {
                continue;
            }
            for (String outsider : outsiders) {
                MvcResult result = mvc.perform(request(endpoint.getKey(), victim, outsider)).andReturn();
                int status = result.getResponse().getStatus();
                boolean hasBody = endpoint.getKey().startsWith("POST") || endpoint.getKey().startsWith("PUT");
                assertThat(status).as(endpoint.getKey() + " for " + outsider.substring(0, 20))
                        .isIn(hasBody ? List.of(400, 403, 404) : List.of(403, 404));
                assertThat(result.getResponse().getContentType()).as(endpoint.getKey())
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            }
        }
    }

    @Test
    void clientsCannotCallAdminOperations() throws Exception {
        for (Map.Entry<String, Scope> endpoint : classification().entrySet()) {
            if (endpoint.getValue() == Scope.ADMIN) {
                MvcResult result = mvc.perform(request(endpoint.getKey(), "victim",
                        TestTokens.client("tenant-" + UUID.randomUUID(), "a-client"))).andReturn();
                assertThat(result.getResponse().getStatus()).as(endpoint.getKey()).isEqualTo(403);
            }
        }
    }

    private static MockHttpServletRequestBuilder request(String endpoint, String clientId, String token) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{clientId}", clientId)
                .replaceAll("\\{[A-Za-z]+}", "x-" + UUID.randomUUID().toString().substring(0, 8));
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
        if (token != null) {
            request.header("Authorization", token);
        }
        if (method.equals("POST") || method.equals("PUT")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return request;
    }
}
