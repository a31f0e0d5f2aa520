package app.steady.testing;

import app.steady.testing.Probe.Expectation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One pass of the isolation matrix over a service's probes, for one victim and one other tenant. Every breach is
 * collected (not only the first), so a failing matrix names each endpoint and caller that got through.
 */
final class MatrixRun {

    private final MockMvc mvc;
    private final Victim victim;
    private final MatrixTenant otherTenant;
    private final List<String> breaches = new ArrayList<>();
    private int calls;

    MatrixRun(MockMvc mvc, Victim victim, MatrixTenant otherTenant) {
        this.mvc = mvc;
        this.victim = victim;
        this.otherTenant = otherTenant;
    }

    /**
     * Calls the endpoint as every party: first everyone who is not a rightful caller, all on one target (they must
     * leave it as it was), then each rightful caller on a target of their own.
     */
    void probe(Probe probe) throws Exception {
        Map<String, String> outsidersTarget = probe.target(victim);
        for (Party party : Party.values()) {
            if (probe.expectationOf(party) != Expectation.ALLOWED) {
                call(probe, party, outsidersTarget);
            }
        }
        for (Party party : Party.values()) {
            if (probe.expectationOf(party) == Expectation.ALLOWED) {
                call(probe, party, probe.target(victim));
            }
        }
    }

    /** @throws AssertionError naming every endpoint and caller that broke the rules */
    void assertHeld() {
        if (!breaches.isEmpty()) {
            throw new AssertionError("The isolation matrix found " + breaches.size() + " breach(es) in " + calls
                    + " calls (victim " + victim.client() + " of " + victim.tenantId() + "):\n  "
                    + String.join("\n  ", breaches));
        }
    }

    int calls() {
        return calls;
    }

    private void call(Probe probe, Party party, Map<String, String> target) throws Exception {
        String method = probe.endpoint().substring(0, probe.endpoint().indexOf(' '));
        String path = Probe.fill(probe.endpoint().substring(method.length() + 1), target);
        String body = probe.bodyTemplate() == null ? null : Probe.fill(probe.bodyTemplate(), target);
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
                .header("Authorization", token(party, target.get("clientId")));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        calls++;
        check(probe, party, target, new Answer(response.getStatus(), response.getContentType(),
                response.getContentAsString(StandardCharsets.UTF_8), path + " " + (body == null ? "" : body)));
    }

    private void check(Probe probe, Party party, Map<String, String> target, Answer answer) {
        Expectation expected = probe.expectationOf(party);
        String where = probe.name() + " as " + party + ": ";
        if (expected == Expectation.ALLOWED) {
            if (!answer.isSuccess()) {
                breaches.add(where + "the rightful caller must get 2xx, got " + answer);
            }
            for (String name : probe.shown()) {
                String value = Probe.fill("{" + name + "}", target);
                if (answer.isSuccess() && !answer.body().contains(value)) {
                    breaches.add(where + "the rightful caller must be shown {" + name + "} (" + value + "), got " + answer);
                }
            }
            return;
        }
        boolean refused = answer.status() == 403 || answer.status() == 404;
        if (expected == Expectation.REFUSED && !probe.scope().refusals().contains(answer.status())) {
            breaches.add(where + "must be refused with " + probe.scope().refusals().stream().map(String::valueOf)
                    .collect(Collectors.joining(" or ")) + ", got " + answer);
        } else if (expected == Expectation.OWN_VIEW && !(answer.isSuccess() || refused || answer.status() == 409)) {
            breaches.add(where + "must get their own view (2xx) or a refusal, got " + answer);
        } else if (answer.status() >= 400 && !MediaType.APPLICATION_PROBLEM_JSON_VALUE.equals(answer.contentType())) {
            breaches.add(where + "a refusal must be an RFC 9457 problem, got " + answer.contentType() + " " + answer);
        }
        // What the caller sent (the ids in the path, the body) may come back; nothing else of the victim's may.
        List<String> leaked = victim.secrets().stream().filter(answer.body()::contains)
                .filter(secret -> !answer.request().contains(secret)).toList();
        if (!leaked.isEmpty()) {
            breaches.add(where + "saw the victim's data " + leaked + " in " + answer);
        }
    }

    /** The bearer token of a party; {@code clientId} is the client of this call's target (usually the victim). */
    private String token(Party party, String clientId) {
        return switch (party) {
            case CLIENT -> TestTokens.client(victim.tenantId(), clientId);
            case THERAPIST -> victim.therapistToken();
            case ADMIN -> victim.adminToken();
            case OTHER_CLIENT -> TestTokens.client(victim.tenantId(), victim.tenant().otherClient());
            case OTHER_THERAPIST -> TestTokens.therapist(victim.tenantId(), victim.otherTherapist());
            case OTHER_TENANT_CLIENT -> otherTenant.clientToken();
            case OTHER_TENANT_THERAPIST -> otherTenant.therapistToken(otherTenant.therapist());
            case THERAPIST_ID_IN_OTHER_TENANT -> otherTenant.therapistToken(victim.therapist());
            case OTHER_TENANT_ADMIN -> otherTenant.adminToken();
            case OPERATOR -> TestTokens.operator(victim.tenantId());
        };
    }

    /** What one call got, and what it sent (the request's ids and body are the caller's own to see again). */
    private record Answer(int status, String contentType, String body, String request) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}
