package io.setsync.api.kafka;

import io.setsync.events.EntityType;
import io.setsync.schemas.topic.Topic;
import io.setsync.schemas.topic.TopicProvisioner;
import io.setsync.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Creates the topics sync-api writes and reads, and waits until every partition has a leader,
 * before anything is sent or consumed (an idempotent producer that sends to a topic without a
 * leader can lose records, KAFKA-15591). It runs in the background and retries while Kafka is
 * unreachable, so the HTTP API accepts requests (into the outbox) meanwhile.
 */
@Component
public class KafkaTopics implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

  private final Admin admin;
  private final KafkaSettings settings;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final List<Runnable> onReady = new CopyOnWriteArrayList<>();
  private volatile Thread worker;
  private volatile boolean running;

  KafkaTopics(KafkaAdmins admins, KafkaSettings settings) {
    this.admin = admins.admin();
    this.settings = settings;
  }

  /** The topics sync-api needs: requests it publishes, outcomes it projects, their dead letters. */
  public List<Topic<?>> topics() {
    List<Topic<?>> topics = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      for (Topic<?> topic : List.of(Topics.requested(type), Topics.replay(type))) {
        Topic<?> sized = topic.withPartitions(settings.partitions());
        topics.add(sized);
        topics.add(sized.dlt());
      }
    }
    Topic<?> outcomes = Topics.OUTCOMES.withPartitions(settings.partitions());
    topics.add(outcomes);
    topics.add(outcomes.dlt());
    return topics;
  }

  /** The topics the status projector consumes: every SyncRequested and every outcome. */
  public String[] projectedTopicNames() {
    List<String> names = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      names.add(Topics.requested(type).name());
      names.add(Topics.replay(type).name());
    }
    names.add(Topics.OUTCOMES.name());
    return names.toArray(String[]::new);
  }

  public boolean isReady() {
    return ready.getCount() == 0;
  }

  /** Waits until the topics are ready; false on timeout. */
  public boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
    return ready.await(timeout, unit);
  }

  /** Runs the action once the topics are ready (at once if they are). */
  public void whenReady(Runnable action) {
    onReady.add(action);
    if (isReady() && onReady.remove(action)) {
      action.run();
    }
  }

  @Override
  public void start() {
    running = true;
    worker = new Thread(this::provision, "kafka-topics");
    worker.setDaemon(true);
    worker.start();
  }

  private void provision() {
    TopicProvisioner provisioner = new TopicProvisioner(admin, settings.provisionTimeout());
    while (running) {
      try {
        provisioner.provision(topics());
        ready.countDown();
        for (Runnable action : onReady) {
          if (onReady.remove(action)) {
            action.run();
          }
        }
        return;
      } catch (RuntimeException e) {
        log.warn(
            "Kafka topics not ready yet, retrying in {}: {}",
            settings.provisionRetry(),
            e.getMessage());
      }
      try {
        Thread.sleep(settings.provisionRetry().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    Thread thread = worker;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Before the relay and the listener containers, which wait for it.
    return SmartLifecycle.DEFAULT_PHASE - 1000;
  }
}
