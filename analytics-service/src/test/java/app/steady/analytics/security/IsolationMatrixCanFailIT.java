package app.steady.analytics.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.privacy.ErasedClients;
import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import app.steady.testing.Party;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Proof that the isolation matrix can fail, kept as a test: with the caseload check skipped in one controller — the
 * goal summary's, as if {@code ClientGoalSummaries} had lost its {@code requireAccess} — the matrix (analytics' own
 * probes, both passes) must fail, naming that endpoint and every therapist who got through, and nothing else.
 */
@Import(IsolationMatrixCanFailIT.PlantedLeak.class) // a nested configuration alone is not found: the test annotation is the base class's
class IsolationMatrixCanFailIT extends AnalyticsIsolationMatrixIT {

    static final String LEAKY_ENDPOINT = "GET /clients/{clientId}/goals/summary";

    /** The access rule, but any therapist may read any client while the request is the goal summary's. */
    @TestConfiguration
    static class PlantedLeak {

        @Bean
        @Primary
        ClientAccess accessWithoutTheCaseloadCheckForTheGoalSummary(CaseloadDirectory directory, ErasedClients erased) {
            return new ClientAccess(directory, erased) {
                @Override
                public boolean mayAccess(Caller caller, String clientId) {
                    return (caller.role() == Role.THERAPIST && servingTheLeakyEndpoint()) || super.mayAccess(caller, clientId);
                }
            };
        }

        private static boolean servingTheLeakyEndpoint() {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            return request != null && ("/clients/{clientId}/goals/summary").equals(request.getAttribute(
                    HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
        }
    }

    @Test
    @Override
    protected void onlyTheRightfulCallersReachTheClientsData() {
        assertTheMatrixReportsTheLeak(catchThrowableOfType(AssertionError.class,
                super::onlyTheRightfulCallersReachTheClientsData));
    }

    @Test
    @Override
    protected void afterAReassignmentOnlyTheNewTherapistReachesTheClient() {
        assertTheMatrixReportsTheLeak(catchThrowableOfType(AssertionError.class,
                super::afterAReassignmentOnlyTheNewTherapistReachesTheClient));
    }

    /** Every therapist who is not the client's got through that one endpoint; nothing else is reported. */
    private static void assertTheMatrixReportsTheLeak(AssertionError failure) {
        assertThat(failure).as("the matrix must fail with the leak planted").isNotNull();
        LoggerFactory.getLogger(IsolationMatrixCanFailIT.class).info("The matrix reported the planted leak: {}", failure.getMessage());
        List<String> breaches = Arrays.stream(failure.getMessage().split("\n")).skip(1).map(String::strip).toList();
        assertThat(breaches).as(failure.getMessage()).allSatisfy(breach -> assertThat(breach).startsWith(LEAKY_ENDPOINT + " as "));
        assertThat(breaches).as(failure.getMessage()).anySatisfy(breach -> assertThat(breach)
                .startsWith(LEAKY_ENDPOINT + " as " + Party.OTHER_THERAPIST + ": must be refused with 403 or 404, got 200"));
        assertThat(breaches).as(failure.getMessage()).anySatisfy(breach -> assertThat(breach)
                .startsWith(LEAKY_ENDPOINT + " as " + Party.OTHER_TENANT_THERAPIST + ": must be refused"));
        assertThat(breaches).as(failure.getMessage()).anySatisfy(breach -> assertThat(breach)
                .startsWith(LEAKY_ENDPOINT + " as " + Party.THERAPIST_ID_IN_OTHER_TENANT + ": must be refused"));
    }
}
