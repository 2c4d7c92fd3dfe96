package io.setsync.api.kafka;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code kafka} in health and readiness: the cluster answers and the topics are provisioned. Kafka
 * being down does not stop the API from accepting requests (the outbox holds them), but an instance
 * without Kafka is not fully ready.
 */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {

  private static final int TIMEOUT_MS = 2000;

  private final KafkaAdmins admins;
  private final KafkaTopics topics;

  KafkaHealthIndicator(KafkaAdmins admins, KafkaTopics topics) {
    super("Kafka health check failed");
    this.admins = admins;
    this.topics = topics;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    DescribeClusterResult cluster =
        admins.admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
    String clusterId = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    int nodes = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
    builder
        .withDetail("clusterId", clusterId)
        .withDetail("nodes", nodes)
        .withDetail("topicsReady", topics.isReady());
    if (topics.isReady()) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
