package io.setsync.schemas.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalog's topics if they are missing, then waits until every partition has a leader
 * that answers.
 *
 * <p>Waiting matters: an idempotent producer that sends the moment its topic is created can lose
 * records on Kafka 4.1 (KAFKA-15591, see MEASURED.md). So {@link #provision} returns only once
 * {@code describeTopics} shows a leader for every partition and a {@code ListOffsets} request,
 * which the leader itself answers, succeeds for every partition. Existing topics are left as they
 * are; new ones get the broker's default replication factor.
 */
public final class TopicProvisioner {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final long BACKOFF_MS = 100;

  private final Admin admin;
  private final Duration timeout;

  public TopicProvisioner(Admin admin) {
    this(admin, DEFAULT_TIMEOUT);
  }

  public TopicProvisioner(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** Creates the missing topics and waits for all of them to be ready. */
  public void provision(Collection<? extends Topic<?>> topics) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Topic<?>> byName = new LinkedHashMap<>();
    topics.forEach(topic -> byName.put(topic.name(), topic));
    if (byName.isEmpty()) {
      return;
    }
    createMissing(byName, deadline);
    awaitLeaders(byName.keySet(), deadline);
    log.info("Topics ready: {}", byName.keySet());
  }

  /** Same as {@link #provision(Collection)}. */
  public void provision(Topic<?>... topics) {
    provision(List.of(topics));
  }

  private void createMissing(Map<String, Topic<?>> byName, long deadline) {
    Set<String> existing = await(admin.listTopics().names(), deadline, "listing topics");
    List<NewTopic> missing = new ArrayList<>();
    byName.forEach(
        (name, topic) -> {
          if (!existing.contains(name)) {
            missing.add(new NewTopic(name, Optional.of(topic.partitions()), Optional.empty()));
          }
        });
    if (missing.isEmpty()) {
      return;
    }
    for (var creation : admin.createTopics(missing).values().entrySet()) {
      try {
        await(creation.getValue(), deadline, "creating topic " + creation.getKey());
      } catch (TopicProvisioningException e) {
        // Another instance created it between our listing and our request: fine.
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
    log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
  }

  private void awaitLeaders(Set<String> names, long deadline) {
    String waitingFor = "topic metadata";
    while (true) {
      try {
        Map<String, TopicDescription> descriptions =
            admin
                .describeTopics(names)
                .allTopicNames()
                .get(remainingMs(deadline), TimeUnit.MILLISECONDS);
        List<TopicPartition> leaderless = new ArrayList<>();
        Map<TopicPartition, OffsetSpec> everyPartition = new HashMap<>();
        descriptions.forEach(
            (name, description) -> {
              for (TopicPartitionInfo partition : description.partitions()) {
                TopicPartition tp = new TopicPartition(name, partition.partition());
                everyPartition.put(tp, OffsetSpec.latest());
                if (partition.leader() == null || partition.leader().isEmpty()) {
                  leaderless.add(tp);
                }
              }
            });
        if (leaderless.isEmpty()) {
          admin.listOffsets(everyPartition).all().get(remainingMs(deadline), TimeUnit.MILLISECONDS);
          return;
        }
        waitingFor = "leaders of " + leaderless;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException)) {
          throw new TopicProvisioningException(
              "Topics " + names + " are not usable: " + e.getCause(), e.getCause());
        }
        waitingFor = "topics " + names + " (last answer: " + e.getCause() + ")";
      } catch (TimeoutException e) {
        throw timedOut(names, waitingFor);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TopicProvisioningException("Interrupted while waiting for " + waitingFor, e);
      }
      if (remainingMs(deadline) <= BACKOFF_MS) {
        throw timedOut(names, waitingFor);
      }
      backOff();
    }
  }

  private TopicProvisioningException timedOut(Set<String> names, String waitingFor) {
    return new TopicProvisioningException(
        "Topics "
            + names
            + " not ready after "
            + timeout
            + ": still waiting for "
            + waitingFor
            + ". Is the broker reachable and are there enough brokers for the replication factor?");
  }

  private <T> T await(Future<T> future, long deadline, String what) {
    try {
      return future.get(remainingMs(deadline), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new TopicProvisioningException(
          "Failed " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new TopicProvisioningException("Timed out after " + timeout + " " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicProvisioningException("Interrupted while " + what, e);
    }
  }

  private static long remainingMs(long deadline) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private static void backOff() {
    try {
      Thread.sleep(BACKOFF_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicProvisioningException("Interrupted while waiting for topics", e);
    }
  }
}
