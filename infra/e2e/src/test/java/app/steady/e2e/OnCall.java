package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.testing.TestTokens;

/**
 * What a tenant's admin sets before assigning clients: goals-service refuses assignments (409
 * ON_CALL_CONTACT_REQUIRED) while the tenant has no reachable on-call contact.
 */
final class OnCall {

    static final String SETTINGS = """
            {"onCallContacts":[{"name":"Duty clinician","email":"oncall@provider.example"}],
             "crisisResources":[{"name":"Samaritans","phone":"116 123","url":"https://www.samaritans.org","locale":"en-GB"}]}""";

    private OnCall() {
    }

    /** Gives the tenant an on-call contact (setting the same settings again changes nothing). */
    static void setFor(String goalsBaseUrl, String tenant) {
        Http.Response set = Http.send("PUT", goalsBaseUrl + "/tenant/safety-settings", TestTokens.admin(tenant, "admin-1"),
                SETTINGS);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }
}
