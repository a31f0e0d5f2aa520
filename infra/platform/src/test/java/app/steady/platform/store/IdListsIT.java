package app.steady.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The therapists' client lists (issue 17) never lose a client who is theirs: adds and removes are counts, so the
 * order in which two writes' list updates arrive, or a client moved away and back within one batch, does not matter.
 */
class IdListsIT {

    static MongoServer mongoServer;
    static MongoClient mongoClient;

    final IdLists lists = new IdLists(new MongoTemplate(mongoClient, "lists-" + UUID.randomUUID()), "lists");

    @BeforeAll
    static void startStore() {
        mongoServer = new MongoServer(new MemoryBackend());
        mongoClient = MongoClients.create("mongodb://127.0.0.1:" + mongoServer.bind().getPort());
    }

    @AfterAll
    static void stopStore() {
        mongoClient.close();
        mongoServer.shutdownNow();
    }

    /**
     * Admin 1 moves the client from A to B while admin 2 moves them back from B to A: 1 lists B and writes, 2 reads
     * that, lists A, writes and unlists B, and only then does 1 unlist A. With a flag per id, A's list would lose
     * the client A now treats; with counts A keeps them.
     */
    @Test
    void twoReassignmentsWhoseListUpdatesInterleaveLeaveTheClientOnTheCurrentTherapistsList() {
        lists.add("t", "A", "c.1");               // assigned to A earlier
        lists.add("t", "B", "c.1");               // 1: before writing A -> B
        lists.add("t", "A", "c.1");               // 2: before writing B -> A
        lists.remove("t", "B", "c.1");            // 2: after its write
        lists.remove("t", "A", "c.1");            // 1: after its write, late

        assertThat(lists.of("t", "A")).containsExactly("c.1");
        assertThat(lists.of("t", "B")).isEmpty();
        assertThat(lists.owners()).containsExactly(new IdLists.Owner("t", "A"));
    }

    @Test
    void aClientUnassignedAndAssignedAgainInOneBatchStaysListed() {
        lists.add("t", "A", "c-2");
        lists.addAll(List.of(new IdLists.Entry("t", "A", "c-2")));      // the batch: assigned to A again
        lists.removeAll(List.of(new IdLists.Entry("t", "A", "c-2")));   // the batch: unassigned from A

        assertThat(lists.of("t", "A")).containsExactly("c-2");
    }

    @Test
    void erasureTakesTheIdOffEveryListOfTheTenant() {
        lists.add("t", "A", "c-3");
        lists.add("t", "B", "c-3");
        lists.add("t", "B", "c-4");
        lists.add("other", "A", "c-3");

        assertThat(lists.removeEverywhere("t", "c-3")).isEqualTo(2);
        assertThat(lists.of("t", "A")).isEmpty();
        assertThat(lists.of("t", "B")).containsExactly("c-4");
        assertThat(lists.owners()).containsExactlyInAnyOrder(new IdLists.Owner("t", "B"), new IdLists.Owner("other", "A"));
    }
}
