package app.steady.goals.caseload;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.steady.testing.SteadyIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 16, defect 7: a client id was unique across tenants only by check-then-insert, so two providers racing for
 * one id could both store it. The store itself now refuses the second (and {@code Caseload.assign} turns that race
 * into the usual 409 CLIENT_ID_IN_USE).
 */
@SteadyIntegrationTest
class CaseloadClientIdUniquenessIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void theStoreRefusesASecondTenantsAssignmentOfTheSameClientId() {
        String client = "client-" + UUID.randomUUID();
        mongo.getCollection("caseload").insertOne(assignment("tenant-a", client));

        assertThatThrownBy(() -> mongo.getCollection("caseload").insertOne(assignment("tenant-b", client)))
                .as("the check before the insert is not what keeps ids unique: the index is")
                .isInstanceOf(com.mongodb.MongoWriteException.class);
    }

    private static Document assignment(String tenant, String client) {
        return new Document("_id", tenant + ":" + client).append("tenantId", tenant).append("clientId", client)
                .append("therapistId", "therapist-1").append("changedAt", Instant.now()).append("version", 0L);
    }
}
