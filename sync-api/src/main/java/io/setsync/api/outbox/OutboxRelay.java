package io.setsync.api.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to Kafka, in rounds on one thread of each instance.
 *
 * <p>A round is one database transaction: it takes the relay lock (one round at a time across all
 * instances), locks the oldest rows, sends <em>at most one row per entity</em>, waits for Kafka's
 * acknowledgements and deletes exactly the acknowledged rows. A row that fails stays, and so do the
 * later rows of its entity, which were not sent in this round: the next round starts with it again,
 * so a failure never reorders an entity's events and never loses one. After a failure the producer
 * is closed and replaced, and rounds back off.
 *
 * <p>Under load a round is followed by the {@linkplain OutboxSettings#batchLinger() batch linger},
 * so one round carries the rows of many requests: one relay transaction and one Kafka request per
 * round rather than per request.
 */
class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final OutboxStore store;
  private final TransactionTemplate transactions;
  private final Supplier<Producer<String, SpecificRecord>> producers;
  private final BooleanSupplier topicsReady;
  private final OutboxSettings settings;
  private final Counter published;
  private final Counter failed;
  private final DistributionSummary roundRows;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean woken;
  private Producer<String, SpecificRecord> producer;
  private volatile boolean running;
  private volatile Thread thread;

  OutboxRelay(
      OutboxStore store,
      TransactionTemplate transactions,
      Supplier<Producer<String, SpecificRecord>> producers,
      BooleanSupplier topicsReady,
      OutboxSettings settings,
      MeterRegistry meters) {
    this.store = store;
    this.transactions = transactions;
    this.producers = producers;
    this.topicsReady = topicsReady;
    this.settings = settings;
    this.published =
        Counter.builder("setsync.outbox.published")
            .description("Outbox rows published and acknowledged by Kafka")
            .register(meters);
    this.failed =
        Counter.builder("setsync.outbox.send.failures")
            .description("Outbox rows whose send failed; they stay in the outbox")
            .register(meters);
    this.roundRows =
        DistributionSummary.builder("setsync.outbox.round.rows")
            .description("Rows published per relay round that published any")
            .register(meters);
  }

  /** A round result: rows acknowledged, and the first failure, if any. */
  record Round(int published, int remaining, Exception failure) {}

  // Rows committed before a round starts are in it: a wake-up from before is spent.
  private void clearWake() {
    lock.lock();
    try {
      woken = false;
    } finally {
      lock.unlock();
    }
  }

  /** Asks for a round now, e.g. after a transaction wrote rows. */
  void wakeUp() {
    lock.lock();
    try {
      woken = true;
      wake.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void start() {
    running = true;
    Thread relay = new Thread(this::run, "outbox-relay");
    relay.setDaemon(true);
    thread = relay;
    relay.start();
  }

  @Override
  public void stop() {
    running = false;
    wakeUp();
    Thread relay = thread;
    if (relay != null) {
      try {
        relay.join(settings.sendTimeout().toMillis() + 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeProducer(Duration.ofSeconds(5));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    Duration backoff = settings.pollInterval();
    while (running) {
      if (!topicsReady.getAsBoolean()) {
        pause(settings.pollInterval());
        continue;
      }
      clearWake();
      try {
        Round round = publishRound();
        if (round.failure() != null) {
          backoff = nextBackoff(backoff);
          log.warn(
              "Outbox round failed, {} rows published, retrying in {}: {}",
              round.published(),
              backoff,
              round.failure().toString());
          backOff(backoff);
        } else {
          backoff = settings.pollInterval();
          if (round.remaining() > 0) {
            continue; // a backlog: the next round at once
          }
          if (round.published() > 0) {
            backOff(settings.batchLinger());
          } else {
            pause(settings.pollInterval());
          }
        }
      } catch (RuntimeException e) {
        backoff = nextBackoff(backoff);
        log.warn("Outbox round failed, retrying in {}", backoff, e);
        backOff(backoff);
      }
    }
  }

  /** One round; public to the package so tests can drive it. */
  Round publishRound() {
    Round round = transactions.execute(status -> sendLocked());
    return round == null ? new Round(0, 0, null) : round;
  }

  private Round sendLocked() {
    if (!store.tryLockRelay()) {
      return new Round(0, 0, null);
    }
    List<PendingEvent> locked = store.lockOldest(settings.batchSize());
    if (locked.isEmpty()) {
      return new Round(0, 0, null);
    }
    List<PendingEvent> batch = firstPerKey(locked);
    Producer<String, SpecificRecord> producer = producer();
    List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
    Exception failure = null;
    for (PendingEvent event : batch) {
      try {
        sends.add(
            producer.send(
                new ProducerRecord<>(event.topic(), event.key(), OutboxEvents.toAvro(event))));
      } catch (RuntimeException e) {
        // Serialization (e.g. registry down) or a closed producer: send nothing more this round.
        failure = e;
        break;
      }
    }
    if (!sends.isEmpty()) {
      // The round waits for every ack anyway: send now rather than after linger.ms.
      producer.flush();
    }
    long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
    List<Long> acknowledged = new ArrayList<>(sends.size());
    for (int i = 0; i < sends.size(); i++) {
      PendingEvent event = batch.get(i);
      try {
        sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        acknowledged.add(event.outboxId());
      } catch (ExecutionException | TimeoutException e) {
        Exception cause =
            e instanceof ExecutionException && e.getCause() instanceof Exception inner ? inner : e;
        failure = failure == null ? cause : failure;
        logFailure(event, cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = failure == null ? e : failure;
        break;
      }
    }
    store.delete(acknowledged);
    published.increment(acknowledged.size());
    if (!acknowledged.isEmpty()) {
      roundRows.record(acknowledged.size());
    }
    if (failure != null) {
      failed.increment(batch.size() - acknowledged.size());
      closeProducer(Duration.ZERO);
    }
    return new Round(acknowledged.size(), locked.size() - acknowledged.size(), failure);
  }

  private static List<PendingEvent> firstPerKey(List<PendingEvent> rows) {
    Set<String> keys = new HashSet<>();
    List<PendingEvent> first = new ArrayList<>(rows.size());
    for (PendingEvent row : rows) {
      if (keys.add(row.key())) {
        first.add(row);
      }
    }
    return first;
  }

  private static void logFailure(PendingEvent event, Exception cause) {
    try (MDC.MDCCloseable ignored = MDC.putCloseable("syncId", event.syncId().toString())) {
      log.debug("Publishing {} to {} failed: {}", event.eventId(), event.topic(), cause.toString());
    }
  }

  private Producer<String, SpecificRecord> producer() {
    if (producer == null) {
      producer = producers.get();
    }
    return producer;
  }

  private void closeProducer(Duration timeout) {
    Producer<String, SpecificRecord> current = producer;
    producer = null;
    if (current != null) {
      try {
        current.close(timeout);
      } catch (RuntimeException e) {
        log.debug("Closing the outbox producer failed", e);
      }
    }
  }

  private Duration nextBackoff(Duration current) {
    Duration doubled = current.multipliedBy(2);
    return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
  }

  private void pause(Duration duration) {
    lock.lock();
    try {
      long nanos = duration.toNanos();
      while (!woken && running && nanos > 0) {
        nanos = wake.awaitNanos(nanos);
      }
      woken = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  // Unlike pause, new rows do not cut a back-off (or the batch linger) short: Kafka is not back
  // because a request came, and the linger is there to let new rows gather.
  private void backOff(Duration duration) {
    lock.lock();
    try {
      long nanos = duration.toNanos();
      while (running && nanos > 0) {
        nanos = wake.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
