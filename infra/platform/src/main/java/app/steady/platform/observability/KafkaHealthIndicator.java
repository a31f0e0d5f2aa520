package app.steady.platform.observability;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Kafka's reachability, shown in health and readiness. An unreachable broker is {@code DEGRADED}, not
 * {@code DOWN}: the outbox keeps every accepted write until Kafka is back, so the service should stay in rotation
 * (the outbox backlog metrics say how much is waiting).
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    public static final Status DEGRADED = new Status("DEGRADED", "Kafka unreachable; writes are kept in the outbox");

    private final Admin admin;

    public KafkaHealthIndicator(Map<String, Object> adminConfig) {
        super("Kafka health check failed");
        this.admin = Admin.create(adminConfig);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes().get(3, TimeUnit.SECONDS).size();
            builder.up().withDetail("brokers", nodes);
        } catch (Exception e) {
            builder.status(DEGRADED).withDetail("error", e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
