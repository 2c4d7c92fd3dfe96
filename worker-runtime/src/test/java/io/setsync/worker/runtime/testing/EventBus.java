package io.setsync.worker.runtime.testing;

import io.setsync.events.EntityType;
import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncOptions;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import io.setsync.schemas.serde.AvroSerdeConfig;
import io.setsync.schemas.serde.ConfluentAvroDeserializer;
import io.setsync.schemas.serde.ConfluentAvroSerializer;
import io.setsync.schemas.topic.Topics;
import io.setsync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events as sync-api and the other workers would (Avro, Confluent wire format, keyed by
 * entity id) and reads everything written to the Setsync topics since the beginning, without a
 * consumer group. Filter by the ids your test made: the topics are shared within the JVM.
 */
public final class EventBus implements AutoCloseable {

  private final KafkaProducer<String, SpecificRecord> producer;
  private final KafkaConsumer<String, SpecificRecord> consumer;
  private final List<SpecificRecord> seen = new ArrayList<>();

  public EventBus(String registryUrl) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    ConfluentAvroSerializer values = new ConfluentAvroSerializer();
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    producer = new KafkaProducer<>(props, new StringSerializer(), values);

    Properties consumerProps = new Properties();
    consumerProps.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    ConfluentAvroDeserializer decoder = new ConfluentAvroDeserializer();
    decoder.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), decoder);
    List<TopicPartition> partitions = new ArrayList<>();
    for (var topic : Topics.all()) {
      consumer
          .partitionsFor(topic.name(), Duration.ofSeconds(30))
          .forEach(info -> partitions.add(new TopicPartition(topic.name(), info.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Creates the catalog's topics once, and waits for their leaders. */
  public static void createTopics() {
    TestInfrastructure.createTopics(
        Topics.DEFAULT_PARTITIONS,
        Topics.all().stream().map(topic -> topic.name()).toArray(String[]::new));
  }

  /** A request for a new sync of the entity, not yet sent. */
  public static SyncRequested.Builder request(
      EntityType type, UUID entityId, String ticketmasterId) {
    UUID syncId = UUID.randomUUID();
    return SyncRequested.newBuilder()
        .setEventId(UUID.randomUUID())
        .setSyncId(syncId)
        .setRootSyncId(syncId)
        .setParentSyncId(null)
        .setEntityType(type)
        .setEntityId(entityId)
        .setOccurredAt(Instant.now())
        .setProducer("test")
        .setTicketmasterId(ticketmasterId)
        .setReason(SyncReason.USER)
        .setOptions(SyncOptions.newBuilder().build())
        .setRequestedBy("tester")
        .setAttempt(1);
  }

  /** The request as a cascade from an artist sync would send it, with a snapshot taken now. */
  public static SyncRequested.Builder cascade(
      EntityType type, UUID entityId, String ticketmasterId, UUID rootSyncId, String snapshot) {
    return request(type, entityId, ticketmasterId)
        .setRootSyncId(rootSyncId)
        .setParentSyncId(rootSyncId)
        .setReason(SyncReason.CASCADE)
        .setRequestedBy("artist-sync-worker")
        .setSnapshot(snapshot)
        .setSnapshotAt(snapshot == null ? null : Instant.now());
  }

  /** Sends to {@code sync.requested.<entity>} and waits for the acknowledgement. */
  public SyncRequested send(SyncRequested request) {
    send(Topics.requested(request.getEntityType()).name(), request.getEntityId(), request);
    return request;
  }

  /** Sends many requests at once, then waits for every acknowledgement. */
  public void sendAll(List<SyncRequested> requests) {
    List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
    for (SyncRequested request : requests) {
      sent.add(
          producer.send(
              new ProducerRecord<>(
                  Topics.requested(request.getEntityType()).name(),
                  Topics.key(request.getEntityId()),
                  request)));
    }
    for (var one : sent) {
      try {
        one.get(60, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("Could not send a test record", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** What an artist worker reports after syncing an artist. */
  public void artistSynced(UUID artistId, boolean changed) {
    UUID syncId = UUID.randomUUID();
    Instant now = Instant.now();
    SyncCompleted completed =
        SyncCompleted.newBuilder()
            .setEventId(UUID.randomUUID())
            .setSyncId(syncId)
            .setRootSyncId(syncId)
            .setParentSyncId(null)
            .setEntityType(EntityType.ARTIST)
            .setEntityId(artistId)
            .setOccurredAt(now)
            .setProducer("test")
            .setStartedAt(now)
            .setDurationMs(1)
            .setChanged(changed)
            .setCounts(Map.of())
            .build();
    send(Topics.OUTCOMES.name(), artistId, completed);
  }

  private void send(String topic, UUID key, SpecificRecord value) {
    try {
      producer.send(new ProducerRecord<>(topic, Topics.key(key), value)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not send a test record", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads what arrived since the last call; returns everything read so far. */
  public synchronized List<SpecificRecord> poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.value()));
    return List.copyOf(seen);
  }

  /** The requests read so far that these syncs asked for (their cascades). */
  public synchronized List<SyncRequested> requestedBy(Set<UUID> parentSyncIds) {
    return poll().stream()
        .filter(SyncRequested.class::isInstance)
        .map(SyncRequested.class::cast)
        .filter(r -> r.getParentSyncId() != null && parentSyncIds.contains(r.getParentSyncId()))
        .toList();
  }

  /** Every request of the cascade under this root, the root itself excluded. */
  public synchronized List<SyncRequested> cascadeOf(UUID rootSyncId) {
    return poll().stream()
        .filter(SyncRequested.class::isInstance)
        .map(SyncRequested.class::cast)
        .filter(r -> rootSyncId.equals(r.getRootSyncId()) && r.getParentSyncId() != null)
        .toList();
  }

  public synchronized List<SyncCompleted> completed(Set<UUID> syncIds) {
    return poll().stream()
        .filter(SyncCompleted.class::isInstance)
        .map(SyncCompleted.class::cast)
        .filter(c -> syncIds.contains(c.getSyncId()))
        .toList();
  }

  public synchronized List<SyncFailed> failed(Set<UUID> syncIds) {
    return poll().stream()
        .filter(SyncFailed.class::isInstance)
        .map(SyncFailed.class::cast)
        .filter(f -> syncIds.contains(f.getSyncId()))
        .toList();
  }

  /** Whether every one of these syncs has a terminal outcome. */
  public synchronized boolean allTerminal(Set<UUID> syncIds) {
    Set<UUID> done = new java.util.HashSet<>();
    completed(syncIds).forEach(c -> done.add(c.getSyncId()));
    failed(syncIds).stream().filter(SyncFailed::getFinal$).forEach(f -> done.add(f.getSyncId()));
    return done.containsAll(syncIds);
  }

  @Override
  public synchronized void close() {
    producer.close();
    consumer.close();
  }
}
