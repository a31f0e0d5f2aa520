package app.steady.goals.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.goals.support.GoalsApi;
import app.steady.testing.SteadyIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16, defect 7: a JSON number was coerced into text ({@code "description": 12.5} was stored as "12.5"), and
 * text or fractions into numbers. Every API body now takes JSON types as they are: anything else is a 400 naming
 * the field.
 */
@SteadyIntegrationTest
class StrictJsonTypesIT {

    @Autowired
    MockMvc mvc;
    GoalsApi api;

    @BeforeEach
    void caseload() throws Exception {
        api = new GoalsApi(mvc);
        api.assignClient();
    }

    @Test
    void aNumberIsNotText() throws Exception {
        refused("/clients/{c}/strengths", "{\"kind\":\"ABILITY\",\"description\":12.5}", "description");
        refused("/clients/{c}/goals", "{\"title\":42}", "title");
        refused("/clients/{c}/goals", "{\"title\":true}", "title");
    }

    @Test
    void textOrAFractionIsNotANumber() throws Exception {
        refused("/clients/{c}/goals", "{\"title\":\"Walk\",\"weight\":\"2\"}", "weight");
        refused("/clients/{c}/goals", "{\"title\":\"Walk\",\"weight\":2.7}", "weight");
    }

    @Test
    void theRightTypesAreStillAccepted() throws Exception {
        api.asClient(post("/clients/{c}/strengths", api.client), "{\"kind\":\"ABILITY\",\"description\":\"Patient\"}")
                .andExpect(status().isCreated());
    }

    private void refused(String path, String body, String field) throws Exception {
        api.asClient(post(path, api.client), body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }
}
