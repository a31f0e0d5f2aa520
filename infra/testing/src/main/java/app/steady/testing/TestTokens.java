package app.steady.testing;

import app.steady.local.DevTokens;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;

/** Bearer tokens for tests, signed with the test secret. */
public final class TestTokens {

    private static final DevTokens SIGNER = new DevTokens(SteadyTestInfrastructure.TOKEN_SECRET);

    private TestTokens() {
    }

    public static String bearer(String tenant, String userId, String role) {
        return "Bearer " + SIGNER.token(tenant, userId, role, Duration.ofMinutes(30));
    }

    public static String client(String tenant, String clientId) {
        return bearer(tenant, clientId, "CLIENT");
    }

    public static String therapist(String tenant, String therapistId) {
        return bearer(tenant, therapistId, "THERAPIST");
    }

    public static String admin(String tenant, String adminId) {
        return bearer(tenant, adminId, "ADMIN");
    }

    public static String operator(String tenant) {
        return bearer(tenant, "ops", "OPERATOR");
    }

    /** A token with exactly these claims, for tests of rejected tokens. */
    public static String signed(JWTClaimsSet claims) {
        return "Bearer " + SIGNER.sign(claims);
    }
}
