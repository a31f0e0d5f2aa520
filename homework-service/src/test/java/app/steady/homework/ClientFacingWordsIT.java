package app.steady.homework;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestCaseload;
import app.steady.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the client reads carries no label (shared CLINICAL.md, "What the client sees"): no severity band, no caseness,
 * no safety or risk flag, in any of homework's answers to the client. Their therapist still sees the clinical view.
 */
@SteadyIntegrationTest
class ClientFacingWordsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    CaseloadDirectory caseload;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();

    @BeforeEach
    void caseload() {
        TestCaseload.assign(topics, json, caseload, tenant, client, therapist);
    }

    @Test
    void aClientsOwnAssessmentsCarryNoBandCasenessOrSafetyFlag() throws Exception {
        // PHQ-9 17 (moderately severe, at caseness, item 9 answered), GAD-7 16 (severe, at caseness)
        expectNoLabel(asClient(post("/clients/{c}/assessments", client),
                "{\"measure\":\"PHQ-9\",\"items\":[2,2,2,2,2,2,2,2,1]}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(17)));
        expectNoLabel(asClient(post("/clients/{c}/assessments", client),
                "{\"measure\":\"GAD-7\",\"items\":[3,3,2,2,2,2,2]}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(16)));

        expectNoLabel(asClient(get("/clients/{c}/assessments", client), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].measure").value("GAD-7"))
                .andExpect(jsonPath("$.items[0].items.length()").value(7))
                .andExpect(jsonPath("$.items[1].total").value(17))
                .andExpect(jsonPath("$.items[1].completedAt").exists()));
    }

    @Test
    void theTreatingTherapistStillSeesBandCasenessAndTheSafetySignal() throws Exception {
        asClient(post("/clients/{c}/assessments", client), "{\"measure\":\"PHQ-9\",\"items\":[2,2,2,2,2,2,2,2,1]}")
                .andExpect(status().isCreated());

        asTherapist(get("/clients/{c}/assessments", client))
                .andExpect(jsonPath("$.items[0].band").value("MODERATELY_SEVERE"))
                .andExpect(jsonPath("$.items[0].caseness").value(true))
                .andExpect(jsonPath("$.items[0].safetySignal").value(true));
    }

    @Test
    void aClientSeesEachTotalBesideTheirLastOneInPlainWords() throws Exception {
        asClient(post("/clients/{c}/assessments", client), "{\"measure\":\"PHQ-9\",\"items\":[2,2,2,2,2,2,1,1,0]}")
                .andExpect(jsonPath("$.total").value(14))
                .andExpect(jsonPath("$.previousTotal").doesNotExist())
                .andExpect(jsonPath("$.trend").value("The first time you have answered this questionnaire here."));
        asClient(post("/clients/{c}/assessments", client), "{\"measure\":\"GAD-7\",\"items\":[1,1,1,1,1,1,1]}")
                .andExpect(jsonPath("$.previousTotal").doesNotExist());
        asClient(post("/clients/{c}/assessments", client), "{\"measure\":\"PHQ-9\",\"items\":[2,2,2,1,1,1,1,1,0]}")
                .andExpect(jsonPath("$.total").value(11))
                .andExpect(jsonPath("$.previousTotal").value(14))
                .andExpect(jsonPath("$.trend").value("3 points lower than last time (14)."));

        asClient(get("/clients/{c}/assessments", client).param("size", "2"), null)
                .andExpect(jsonPath("$.items[0].trend").value("3 points lower than last time (14)."))
                .andExpect(jsonPath("$.items[1].measure").value("GAD-7"))
                .andExpect(jsonPath("$.items[1].trend").value("The first time you have answered this questionnaire here."));
        asClient(get("/clients/{c}/assessments", client).param("size", "1").param("page", "1"), null)
                .andExpect(jsonPath("$.items[0].measure").value("GAD-7"));
    }

    @Test
    void measuresShowAClientTheItemsAndRangesButNoBands() throws Exception {
        expectNoLabel(asClient(get("/measures"), null)
                .andExpect(jsonPath("$[0].code").value("PHQ-9"))
                .andExpect(jsonPath("$[0].items").value(9))
                .andExpect(jsonPath("$[0].itemMin").value(0))
                .andExpect(jsonPath("$[0].itemMax").value(3)));

        asTherapist(get("/measures")).andExpect(jsonPath("$[0].bands[4].code").value("SEVERE"));
    }

    @Test
    void moodJournalAgendaAndAssignmentsCarryNoClinicalLabel() throws Exception {
        asTherapist(post("/clients/{c}/assignments", client), """
                {"kind":"QUESTIONNAIRE","measure":"PHQ-9","title":"PHQ-9 questionnaire",
                 "instructions":"Answer each question for the last two weeks","expectedMinutes":5,"techniqueId":"phq-9",
                 "schedule":{"recurrence":"DAILY","startDate":"%s","endDate":null,"times":["09:00"],
                             "timeZone":"Europe/London","completionWindow":"PT12H"}}""".formatted(LocalDate.now()))
                .andExpect(status().isCreated());
        expectNoLabel(asClient(post("/clients/{c}/mood", client),
                "{\"mood\":1,\"anxiety\":9,\"energy\":1,\"emotions\":[\"numb\"],\"timeZone\":\"Europe/London\"}")
                .andExpect(status().isCreated()));
        expectNoLabel(asClient(post("/clients/{c}/journal", client), "{\"text\":\"A hard week\"}")
                .andExpect(status().isCreated()));

        for (String path : new String[] {"/clients/{c}/mood", "/clients/{c}/journal", "/clients/{c}/agenda",
                "/clients/{c}/assignments"}) {
            expectNoLabel(asClient(get(path, client), null).andExpect(status().isOk()));
        }
    }

    private static void expectNoLabel(ResultActions answer) throws Exception {
        ClinicalLabels.assertNoneIn(answer.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private ResultActions asClient(MockHttpServletRequestBuilder request, String body) throws Exception {
        return perform(request, TestTokens.client(tenant, client), body);
    }

    private ResultActions asTherapist(MockHttpServletRequestBuilder request) throws Exception {
        return asTherapist(request, null);
    }

    private ResultActions asTherapist(MockHttpServletRequestBuilder request, String body) throws Exception {
        return perform(request, TestTokens.therapist(tenant, therapist), body);
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        request.header("Authorization", token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }
}
