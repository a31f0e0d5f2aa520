package app.steady.goals.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.testing.TestTokens;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The goals API as a client app and a therapist's dashboard use it, for one tenant, client and therapist. */
public final class GoalsApi {

    public final MockMvc mvc;
    public final String tenant = "tenant-" + UUID.randomUUID();
    public final String client = "client-" + UUID.randomUUID();
    public final String therapist = "therapist-" + UUID.randomUUID();

    public GoalsApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    public String clientToken() {
        return TestTokens.client(tenant, client);
    }

    public String therapistToken() {
        return TestTokens.therapist(tenant, therapist);
    }

    /** Puts the client on the therapist's caseload (the tenant gets an on-call contact first: assignment needs one). */
    public void assignClient() throws Exception {
        setOnCallContact(mvc, tenant);
        mvc.perform(put("/caseload/clients/{c}", client).header("Authorization", TestTokens.admin(tenant, "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"therapistId\":\"" + therapist + "\"}"))
                .andExpect(status().isOk());
    }

    /**
     * Gives a tenant the safety settings its clinicians need before they can be assigned clients: one reachable
     * on-call contact. Setting the same settings again changes nothing.
     */
    public static void setOnCallContact(MockMvc mvc, String tenant) throws Exception {
        mvc.perform(put("/tenant/safety-settings").header("Authorization", TestTokens.admin(tenant, "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(ON_CALL_SETTINGS))
                .andExpect(status().isOk());
    }

    /** Proposes a goal as the client; returns its path. */
    public String propose(String json) throws Exception {
        return mvc.perform(json(post("/clients/{c}/goals", client), clientToken(), json))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
    }

    public ResultActions asClient(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(json(request, clientToken(), json));
    }

    public ResultActions asTherapist(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(json(request, therapistToken(), json));
    }

    /** Proposed by the client and agreed by the therapist; returns its path. */
    public String agreedGoal(String json) throws Exception {
        String goal = propose(json);
        asTherapist(post(goal + "/agreement"), "{\"version\":1}").andExpect(status().isOk());
        return goal;
    }

    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String json) {
        MockHttpServletRequestBuilder withToken = request.header("Authorization", token);
        return json == null ? withToken : withToken.contentType(MediaType.APPLICATION_JSON).content(json);
    }

    public static final String SCALED_GOAL = """
            {"title":"Walk most mornings","whyItMatters":"I feel calmer when I move","weight":2,
             "measurableTarget":"20 minutes, 5 days a week","targetDate":"2099-06-30",
             "steps":[{"title":"Find a route","done":true},{"title":"Walk twice a week","done":false}],
             "attainmentScale":{"muchLess":"No walks","less":"1-2 walks a week","expected":"3-4 walks a week",
                                "more":"5-6 walks a week","muchMore":"A walk every day"}}""";

    public static final String ON_CALL_SETTINGS = """
            {"onCallContacts":[{"name":"Dr Amira Haddad (on call)","email":"oncall@provider.example"}],
             "crisisResources":[{"name":"Samaritans","phone":"116 123","url":"https://www.samaritans.org","locale":"en-GB"}]}""";

    public static final String PLAIN_GOAL = "{\"title\":\"Call a friend each week\",\"weight\":1}";
}
