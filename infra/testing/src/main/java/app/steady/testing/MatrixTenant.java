package app.steady.testing;

import java.util.UUID;

/**
 * The people of one tenant of the isolation matrix. Every id is random, so matrices of several test classes (and
 * several runs against one store) never meet: {@code client} is the victim, on {@code therapist}'s caseload;
 * {@code otherClient} is on {@code otherTherapist}'s, so the other therapist is a colleague with a caseload of their own.
 */
public record MatrixTenant(String id, String client, String therapist, String otherClient, String otherTherapist,
                           String admin) {

    public static MatrixTenant random() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return new MatrixTenant("tenant-" + run, "client-" + UUID.randomUUID(), "therapist-" + UUID.randomUUID(),
                "client-" + UUID.randomUUID(), "therapist-" + UUID.randomUUID(), "admin-" + run);
    }

    public String clientToken() {
        return TestTokens.client(id, client);
    }

    public String adminToken() {
        return TestTokens.admin(id, admin);
    }

    public String therapistToken(String therapistId) {
        return TestTokens.therapist(id, therapistId);
    }
}
