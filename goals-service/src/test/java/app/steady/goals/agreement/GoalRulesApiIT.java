package app.steady.goals.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.goals.support.GoalsApi;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Validation of every field, every invalid transition, who may see what, and concurrent writes. */
@SteadyIntegrationTest
class GoalRulesApiIT {

    @Autowired
    MockMvc mvc;
    GoalsApi api;

    @BeforeEach
    void caseload() throws Exception {
        api = new GoalsApi(mvc);
        api.assignClient();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "title            | {\"title\":\"\"}",
            "title            | {\"whyItMatters\":\"because\"}",
            "whyItMatters     | {\"title\":\"t\",\"whyItMatters\":\"LONG2001\"}",
            "measurableTarget | {\"title\":\"t\",\"measurableTarget\":\"LONG501\"}",
            "targetDate       | {\"title\":\"t\",\"targetDate\":\"2001-01-01\"}",
            "targetDate       | {\"title\":\"t\",\"targetDate\":\"next week\"}",
            "weight           | {\"title\":\"t\",\"weight\":0}",
            "weight           | {\"title\":\"t\",\"weight\":11}",
            "weight           | {\"title\":\"t\",\"weight\":\"heavy\"}",
            "strengthIds      | {\"title\":\"t\",\"strengthIds\":[\"not-in-inventory\"]}",
            "strengthIds[0]   | {\"title\":\"t\",\"strengthIds\":[\"has spaces\"]}",
            "steps[0].title   | {\"title\":\"t\",\"steps\":[{\"title\":\"\"}]}",
            "attainmentScale.expected | {\"title\":\"t\",\"attainmentScale\":{\"muchLess\":\"a\",\"less\":\"b\",\"more\":\"d\",\"muchMore\":\"e\"}}",
            "colour           | {\"title\":\"t\",\"colour\":\"blue\"}",
            "body             | {\"title\": ",
    })
    void anInvalidProposalNamesTheField(String field, String body) throws Exception {
        String json = body.replace("LONG2001", "x".repeat(2001)).replace("LONG501", "x".repeat(501));
        api.asClient(post("/clients/{c}/goals", api.client), json)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(field)));
        api.asClient(get("/clients/{c}/goals", api.client), null).andExpect(jsonPath("$.length()").value(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "version    | /agreement  | {}",
            "version    | /agreement  | {\"version\":0}",
            "confidence | /check-ins  | {\"percentComplete\":10}",
            "confidence | /check-ins  | {\"percentComplete\":10,\"confidence\":11}",
            "percentComplete | /check-ins | {\"percentComplete\":101,\"confidence\":5}",
            "attainmentScore | /check-ins | {\"attainmentScore\":3,\"confidence\":5}",
            "percentComplete | /check-ins | {\"attainmentScore\":1,\"confidence\":5}",
            "reason     | /discontinuation | {\"reason\":\"BORED\"}",
            "reason     | /discontinuation | {}",
    })
    void invalidLifecycleRequestsNameTheField(String field, String path, String body) throws Exception {
        String goal = api.agreedGoal(GoalsApi.PLAIN_GOAL);
        api.asClient(post(goal + path), body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void everyInvalidTransitionIsAConflictThatSaysWhy() throws Exception {
        String proposed = api.propose(GoalsApi.PLAIN_GOAL);
        for (String action : List.of("/activation", "/achievement")) {
            expectInvalidTransition(api.asTherapist(post(proposed + action), null));
        }
        expectInvalidTransition(api.asClient(post(proposed + "/check-ins"), "{\"percentComplete\":5,\"confidence\":5}"));
        expectInvalidTransition(api.asTherapist(post(proposed + "/revision"), GoalsApi.PLAIN_GOAL));

        String agreed = api.agreedGoal(GoalsApi.PLAIN_GOAL);
        expectInvalidTransition(api.asClient(post(agreed + "/agreement"), "{\"version\":1}"));
        expectInvalidTransition(api.asClient(put(agreed), GoalsApi.PLAIN_GOAL));
        expectInvalidTransition(api.asClient(post(agreed + "/achievement"), null));

        api.asClient(post(agreed + "/discontinuation"), "{\"reason\":\"OTHER\"}").andExpect(status().isOk());
        expectInvalidTransition(api.asClient(post(agreed + "/discontinuation"), "{\"reason\":\"OTHER\"}"));
        expectInvalidTransition(api.asTherapist(post(agreed + "/activation"), null));
    }

    @Test
    void agreeingToAVersionThatChangedIsRefused() throws Exception {
        String goal = api.propose(GoalsApi.PLAIN_GOAL);
        api.asClient(put(goal), "{\"title\":\"Call two friends each week\"}")
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.agreedByTherapist").value(false));
        api.asTherapist(post(goal + "/agreement"), "{\"version\":1}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("VERSION_CHANGED"));
        api.asTherapist(post(goal + "/agreement"), "{\"version\":2}").andExpect(jsonPath("$.status").value("AGREED"));
    }

    @Test
    void nobodyButTheClientAndTheirTherapistSeesTheGoals() throws Exception {
        String goal = api.propose(GoalsApi.PLAIN_GOAL);
        List<String> outsiders = List.of(
                TestTokens.client(api.tenant, "another-client"),
                TestTokens.therapist(api.tenant, "another-therapist"),
                TestTokens.therapist("another-tenant", api.therapist),
                TestTokens.admin(api.tenant, "admin"),
                TestTokens.operator(api.tenant));
        for (String outsider : outsiders) {
            mvc.perform(GoalsApi.json(get(goal), outsider, null)).andExpect(status().isNotFound());
            mvc.perform(GoalsApi.json(get("/clients/{c}/goals", api.client), outsider, null)).andExpect(status().isNotFound());
            mvc.perform(GoalsApi.json(post(goal + "/agreement"), outsider, "{\"version\":1}")).andExpect(status().isNotFound());
            mvc.perform(GoalsApi.json(get("/clients/{c}/strengths", api.client), outsider, null)).andExpect(status().isNotFound());
            mvc.perform(GoalsApi.json(get("/clients/{c}/wellness-plan", api.client), outsider, null)).andExpect(status().isNotFound());
        }
        // The same user id in another tenant is another person: they see their own (empty) goals, never these.
        String namesake = TestTokens.client("another-tenant", api.client);
        mvc.perform(GoalsApi.json(get(goal), namesake, null)).andExpect(status().isNotFound());
        mvc.perform(GoalsApi.json(get("/clients/{c}/goals", api.client), namesake, null))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));

        api.asTherapist(get(goal), null).andExpect(status().isOk());
        api.asClient(get("/clients/{c}/wellness-plan", api.client), null).andExpect(status().isOk());
    }

    @Test
    void checkInsAreTheClientsAndCommentsTheTherapists() throws Exception {
        String goal = api.agreedGoal(GoalsApi.PLAIN_GOAL);
        api.asTherapist(post(goal + "/check-ins"), "{\"percentComplete\":10,\"confidence\":5}")
                .andExpect(status().isForbidden());
        String checkIn = com.jayway.jsonpath.JsonPath.read(api.asClient(post(goal + "/check-ins"),
                        "{\"percentComplete\":10,\"confidence\":5}").andReturn().getResponse().getContentAsString(),
                "$.latestCheckIn.id");
        api.asClient(put(goal + "/check-ins/" + checkIn + "/comment"), "{\"comment\":\"Well done\"}")
                .andExpect(status().isForbidden());
        api.asTherapist(put(goal + "/check-ins/" + checkIn + "/comment"), "{\"comment\":\"Well done\"}")
                .andExpect(jsonPath("$.checkIns[0].therapistComment").value("Well done"));
    }

    @Test
    void aWriteBasedOnAnOldRevisionIsRefused() throws Exception {
        String goal = api.propose(GoalsApi.PLAIN_GOAL);
        String etag = api.asClient(get(goal), null).andExpect(header().exists("ETag")).andReturn().getResponse().getHeader("ETag");
        api.asClient(put(goal).header("If-Match", etag), "{\"title\":\"First edit\"}").andExpect(status().isOk());
        api.asTherapist(put(goal).header("If-Match", etag), "{\"title\":\"Edit of an old read\"}")
                .andExpect(status().isPreconditionFailed());
        api.asClient(get(goal), null).andExpect(jsonPath("$.content.title").value("First edit"));
        api.asClient(put(goal).header("If-Match", "\"not-a-number\""), GoalsApi.PLAIN_GOAL)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("If-Match"));
    }

    @Test
    void concurrentCheckInsAreAllKept() throws Exception {
        String goal = api.agreedGoal(GoalsApi.PLAIN_GOAL);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> checkIns = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int percent = i * 10;
                checkIns.add(() -> api.asClient(post(goal + "/check-ins"),
                        "{\"percentComplete\":" + percent + ",\"confidence\":5}").andReturn().getResponse().getStatus());
            }
            for (Future<Integer> result : pool.invokeAll(checkIns)) {
                assertThat(result.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        api.asClient(get(goal), null).andExpect(jsonPath("$.checkIns.length()").value(8));
    }

    private static void expectInvalidTransition(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        result.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVALID_TRANSITION"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Cannot")));
    }
}
