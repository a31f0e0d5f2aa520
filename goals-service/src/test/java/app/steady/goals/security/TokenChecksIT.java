package app.steady.goals.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.local.DevTokens;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every request needs a valid token: signature, expiry, issuer, audience and Steady's claims are all checked. */
@SteadyIntegrationTest
class TokenChecksIT {

    @Autowired
    MockMvc mvc;

    @Test
    void healthIsTheOnlyAnonymousEndpoint() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/clients/c-1/goals")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
    }

    @Test
    void expiredTokensAreRejectedBeyondTheClockSkew() throws Exception {
        expectRejected(claims().expirationTime(Date.from(Instant.now().minusSeconds(120))).build());
    }

    /** Issue 16, defect 4: a token without exp never expired; one without sub gave a 500. */
    @Test
    void tokensWithoutExpiryOrSubjectAreRejected() throws Exception {
        expectRejected(claims().expirationTime(null).build());
        expectRejected(claims().subject(null).build());
        expectRejected(claims().subject(" ").build());
    }

    /** Issue 16, defect 4: no token lives longer than steady.security.jwt.max-lifetime (24 h), operators' neither. */
    @Test
    void tokensLivingLongerThanTheMaximumAreRejected() throws Exception {
        expectRejected(claims().expirationTime(Date.from(Instant.now().plus(java.time.Duration.ofDays(365)))).build());
        expectRejected(claims().claim("role", "OPERATOR")
                .expirationTime(Date.from(Instant.now().plus(java.time.Duration.ofHours(25)))).build());
        expectRejected(claims().issueTime(null)
                .expirationTime(Date.from(Instant.now().plus(java.time.Duration.ofHours(30)))).build());
        mvc.perform(get("/clients/c-1/goals").header("Authorization", TestTokens.signed(claims()
                        .expirationTime(Date.from(Instant.now().plus(java.time.Duration.ofHours(23)))).build())))
                .andExpect(status().isOk());
    }

    /** Issue 16, defect 7: the tenant claim was never validated ("a:b" made tenant:client keys ambiguous). */
    @Test
    void tokensWithAMalformedTenantAreRejected() throws Exception {
        expectRejected(claims().claim("tenant", "t-1:c-1").build());
        expectRejected(claims().claim("tenant", "../t-2").build());
        expectRejected(claims().claim("tenant", "t".repeat(65)).build());
        expectRejected(claims().claim("tenant", 42).build());
    }

    @Test
    void tokensOfAnotherIssuerOrAudienceAreRejected() throws Exception {
        expectRejected(claims().issuer("https://evil.example").build());
        expectRejected(claims().audience("another-api").build());
    }

    @Test
    void tokensWithoutTenantOrWithAnUnknownRoleAreRejected() throws Exception {
        expectRejected(claims().claim("tenant", null).build());
        expectRejected(claims().claim("role", "SUPERUSER").build());
    }

    @Test
    void tokensSignedWithAnotherKeyAreRejected() throws Exception {
        String forged = new DevTokens("a-completely-different-secret-of-enough-length")
                .token("t-1", "c-1", "CLIENT", java.time.Duration.ofMinutes(5));
        mvc.perform(get("/clients/c-1/goals").header("Authorization", "Bearer " + forged))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aClientCannotCallAdminOperations() throws Exception {
        mvc.perform(get("/caseload/clients/c-1").header("Authorization", TestTokens.client("t-1", "c-1")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Not allowed"));
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        String huge = "{\"title\":\"" + "x".repeat(70_000) + "\"}";
        mvc.perform(post("/clients/c-1/goals").header("Authorization", TestTokens.client("t-1", "c-1"))
                        .contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void malformedJsonIsAProblemNamingTheBody() throws Exception {
        mvc.perform(post("/clients/c-1/goals").header("Authorization", TestTokens.client("t-1", "c-1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(post("/clients/c-1/goals").header("Authorization", TestTokens.client("t-1", "c-1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Walk\",\"targetDate\":\"soon\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("targetDate"));
    }

    private void expectRejected(JWTClaimsSet claims) throws Exception {
        mvc.perform(get("/clients/c-1/goals").header("Authorization", TestTokens.signed(claims)))
                .andExpect(status().isUnauthorized());
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(DevTokens.ISSUER).audience(DevTokens.AUDIENCE).subject("c-1")
                .claim("tenant", "t-1").claim("role", "CLIENT")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }
}
