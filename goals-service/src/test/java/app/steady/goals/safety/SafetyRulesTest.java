package app.steady.goals.safety;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.platform.errors.FieldError;
import app.steady.platform.errors.InvalidRequestException;
import app.steady.platform.safety.TenantSafetySettings.CrisisResource;
import app.steady.platform.safety.TenantSafetySettings.OnCallContact;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyRulesTest {

    static final SafetyRules PRODUCTION = new SafetyRules(new SafetyProperties(false, null, false));
    static final SafetyRules DRILL = new SafetyRules(new SafetyProperties(true, Duration.ofSeconds(10), true));

    static SafetySettingsProposal pager(String url, String escalation) {
        return new SafetySettingsProposal(List.of(new OnCallContact("Duty clinician", null, null, url)), null, escalation);
    }

    @Test
    void aPagerOnPlainHttpIsRefusedUnlessTheDeploymentAllowsIt() {
        assertThat(fieldsRefused(PRODUCTION, pager("http://127.0.0.1:8099/page", null)))
                .containsExactly("onCallContacts[0].pagerUrl");
        assertThat(DRILL.check(pager("http://127.0.0.1:8099/page", null)).onCallContacts().get(0).pagerUrl())
                .isEqualTo("http://127.0.0.1:8099/page");
        assertThat(fieldsRefused(DRILL, pager("ftp://pager.example/x", null))).containsExactly("onCallContacts[0].pagerUrl");
    }

    /** Issue 16, defect 7: a pager URL could aim reminders-service at the provider's own network. */
    @Test
    void aPagerOnAPrivateOrInternalHostIsRefusedUnlessTheDeploymentAllowsIt() {
        for (String url : List.of("https://10.0.0.5/page", "https://127.0.0.1/page", "https://[::1]/page",
                "https://localhost/page", "https://169.254.169.254/latest/meta-data", "https://metadata.google.internal/x",
                "https://192.168.1.20:8443/hook")) {
            assertThat(fieldsRefused(PRODUCTION, pager(url, null))).as(url).containsExactly("onCallContacts[0].pagerUrl");
        }
        assertThat(PRODUCTION.check(pager("https://events.pager.example/page", null)).onCallContacts().get(0).pagerUrl())
                .isEqualTo("https://events.pager.example/page");
        assertThat(DRILL.check(pager("https://127.0.0.1:8443/page", null)).onCallContacts().get(0).pagerUrl())
                .isEqualTo("https://127.0.0.1:8443/page");
    }

    @Test
    void crisisResourceUrlsAreHttpsEvenWherePagersMayBeHttp() {
        var proposal = new SafetySettingsProposal(List.of(new OnCallContact("n", "a@b.example", null, null)),
                List.of(new CrisisResource("Line", null, null, "http://crisis.example", "en-GB")), null);
        assertThat(fieldsRefused(DRILL, proposal)).containsExactly("crisisResources[0].url");
    }

    @Test
    void theShortestEscalationIsConfigurableAndTheLongestIsADay() {
        assertThat(fieldsRefused(PRODUCTION, pager("https://p.example/x", "PT10S"))).containsExactly("highPriorityEscalationAfter");
        assertThat(PRODUCTION.check(pager("https://p.example/x", "PT1M")).highPriorityEscalationAfter()).hasMinutes(1);
        assertThat(DRILL.check(pager("https://p.example/x", "PT10S")).highPriorityEscalationAfter()).hasSeconds(10);
        assertThat(DRILL.check(pager("https://p.example/x", "P1D")).highPriorityEscalationAfter()).hasHours(24);
        assertThat(fieldsRefused(DRILL, pager("https://p.example/x", "P2D"))).containsExactly("highPriorityEscalationAfter");
        assertThat(PRODUCTION.check(pager("https://p.example/x", " ")).highPriorityEscalationAfter()).hasMinutes(15);
    }

    @Test
    void valuesAreTrimmedBlanksDroppedAndLocalesCanonical() {
        var content = PRODUCTION.check(new SafetySettingsProposal(
                List.of(new OnCallContact("  Dr Haddad ", " oncall@provider.example ", "", " ")),
                List.of(new CrisisResource("Samaritans", "116 123", " ", null, "en-gb")), null));
        assertThat(content.onCallContacts()).containsExactly(
                new OnCallContact("Dr Haddad", "oncall@provider.example", null, null));
        assertThat(content.crisisResources()).containsExactly(new CrisisResource("Samaritans", "116 123", null, null, "en-GB"));
    }

    @Test
    void localesOutsideTheEventContractAreRefused() {
        for (String locale : List.of("en-GB-x-private", "e", "en_GB", "en-u-ca-buddhist", "123")) {
            var proposal = new SafetySettingsProposal(List.of(new OnCallContact("n", "a@b.example", null, null)),
                    List.of(new CrisisResource("Line", "116 123", null, null, locale)), null);
            assertThat(fieldsRefused(PRODUCTION, proposal)).as(locale).containsExactly("crisisResources[0].locale");
        }
    }

    private static List<String> fieldsRefused(SafetyRules rules, SafetySettingsProposal proposal) {
        try {
            rules.check(proposal);
            throw new AssertionError("accepted: " + proposal);
        } catch (InvalidRequestException refused) {
            return refused.errors().stream().map(FieldError::field).toList();
        }
    }
}
