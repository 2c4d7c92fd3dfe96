package io.setsync.worker.runtime.testing;

import io.setsync.events.EntityType;
import io.setsync.events.SyncOptions;
import io.setsync.events.SyncReason;
import io.setsync.events.SyncRequested;
import io.setsync.schemas.serde.AvroSerdeConfig;
import io.setsync.schemas.topic.Topics;
import io.setsync.testsupport.TestInfrastructure;
import io.setsync.worker.runtime.internal.OutgoingValueSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends requests as sync-api would: Avro in the Confluent wire format, keyed by entity id. */
public final class TestRequests implements AutoCloseable {

  private final KafkaProducer<String, Object> producer;

  public TestRequests(String registryUrl) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    OutgoingValueSerializer values = new OutgoingValueSerializer();
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    producer = new KafkaProducer<>(props, new StringSerializer(), values);
  }

  /** A user request for a new sync of the entity, not yet sent. */
  public static SyncRequested.Builder request(
      EntityType type, UUID entityId, String spotifyId, String ticketmasterId) {
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
        .setSpotifyId(spotifyId)
        .setTicketmasterId(ticketmasterId)
        .setReason(SyncReason.USER)
        .setOptions(SyncOptions.newBuilder().build())
        .setRequestedBy("tester")
        .setAttempt(1);
  }

  /** Sends to {@code sync.requested.<entity>} and waits for the acknowledgement. */
  public SyncRequested send(SyncRequested request) {
    return send(Topics.requested(request.getEntityType()).name(), request);
  }

  /** Sends to {@code sync.replay.<entity>}. */
  public SyncRequested replay(SyncRequested request) {
    return send(Topics.replay(request.getEntityType()).name(), request);
  }

  /** Sends raw bytes, e.g. a record no consumer can decode. */
  public void sendRaw(String topic, String key, byte[] value) {
    await(producer.send(new ProducerRecord<>(topic, key, value)));
  }

  private SyncRequested send(String topic, SyncRequested request) {
    await(producer.send(new ProducerRecord<>(topic, Topics.key(request.getEntityId()), request)));
    return request;
  }

  private static void await(java.util.concurrent.Future<?> sent) {
    try {
      sent.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not send a test record", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
