package app.steady.platform.caseload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each heartbeat lane lands, through the producer's own partitioner, on its own partition: together, on all. */
class CaseloadLanesTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 12, 48})
    void eachLaneIsKeyedOntoItsOwnPartition(int partitions) {
        List<String> lanes = CaseloadLanes.of(partitions);
        assertThat(lanes).hasSize(partitions).doesNotHaveDuplicates().allMatch(CaseloadLanes::isLane);
        for (int partition = 0; partition < partitions; partition++) {
            assertThat(BuiltInPartitioner.partitionForKey(lanes.get(partition).getBytes(UTF_8), partitions))
                    .as(lanes.get(partition)).isEqualTo(partition);
        }
    }
}
