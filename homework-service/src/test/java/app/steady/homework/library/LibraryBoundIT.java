package app.steady.homework.library;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 16, defect 7: a tenant's library grew without bound, and it is listed whole. Beyond
 * {@code steady.homework.library.max-techniques} an addition is refused with 409 and nothing is stored.
 */
@SteadyIntegrationTest(properties = "steady.homework.library.max-techniques=2")
class LibraryBoundIT {

    static final String TECHNIQUE = """
            {"kind":"RELAXATION","title":"Square breathing","whatItIs":"Breathing in fours",
             "whyItHelps":"Slows the body down","minutes":5,"howTo":["In for four","Hold for four"]}""";

    @Autowired
    MockMvc mvc;

    @Test
    void aTenantsLibraryIsBounded() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        add(tenant).andExpect(status().isCreated());
        add(tenant).andExpect(status().isCreated());
        add(tenant).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("LIBRARY_FULL"));
        mvc.perform(get("/library").header("Authorization", TestTokens.therapist(tenant, "therapist-1")))
                .andExpect(status().isOk());
        add("tenant-" + UUID.randomUUID()).andExpect(status().isCreated()); // another tenant has room of its own
    }

    private ResultActions add(String tenant) throws Exception {
        return mvc.perform(post("/library").header("Authorization", TestTokens.therapist(tenant, "therapist-1"))
                .contentType(MediaType.APPLICATION_JSON).content(TECHNIQUE));
    }
}
