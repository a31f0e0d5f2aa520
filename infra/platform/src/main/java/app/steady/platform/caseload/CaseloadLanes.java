package app.steady.platform.caseload;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import org.apache.kafka.common.utils.Utils;

/**
 * The heartbeat lanes of the caseload: one key per partition of goals-service's topic, chosen so that Kafka's
 * partitioner (murmur2 of the key) puts it on that partition. A heartbeat on every lane passes every partition.
 */
public final class CaseloadLanes {

    private static final String PREFIX = "caseload-heartbeat-";

    private CaseloadLanes() {
    }

    /** One lane key per partition, in partition order. */
    public static List<String> of(int partitions) {
        String[] lanes = new String[partitions];
        int found = 0;
        for (int i = 0; found < partitions; i++) {
            String key = PREFIX + i;
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(UTF_8))) % partitions;
            if (lanes[partition] == null) {
                lanes[partition] = key;
                found++;
            }
        }
        return List.of(lanes);
    }

    public static boolean isLane(String subject) {
        return subject != null && subject.startsWith(PREFIX);
    }
}
