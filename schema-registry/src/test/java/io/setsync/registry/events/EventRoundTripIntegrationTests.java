package io.setsync.registry.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.setsync.events.EntityType;
import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncRequested;
import io.setsync.registry.RunningRegistry;
import io.setsync.registry.independent.IndependentConfluentDecoder;
import io.setsync.schemas.topic.Topic;
import io.setsync.schemas.topic.TopicProvisioner;
import io.setsync.schemas.topic.Topics;
import io.setsync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each event type through a real topic, with our serde and the registry endpoint. */
class EventRoundTripIntegrationTests extends RunningRegistry {

  private static final Topic<SyncRequested> REQUESTED = Topics.requested(EntityType.ARTIST);

  @BeforeAll
  static void topics() {
    try (Admin admin = TestInfrastructure.kafkaAdmin()) {
      new TopicProvisioner(admin).provision(REQUESTED, Topics.OUTCOMES);
    }
  }

  @Test
  void everyEventTypeRoundTripsThroughARealTopic() throws Exception {
    // given
    List<SpecificRecord> events = SampleEvents.all();

    // when
    produce(events);

    // then: each one comes back equal, as its generated class
    Map<Object, SpecificRecord> received = new ConcurrentHashMap<>();
    try (KafkaConsumer<String, SpecificRecord> consumer =
        KafkaClients.avroConsumer(registryUrl())) {
      consumer.subscribe(List.of(REQUESTED.name(), Topics.OUTCOMES.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, SpecificRecord> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  received.put(record.value().get(0), record.value());
                  assertThat(record.key()).isEqualTo(SampleEvents.ENTITY_ID.toString());
                }
                assertThat(received.keySet()).containsAll(eventIds(events));
              });
    }
    assertThat(events).allSatisfy(event -> assertThat(received.get(event.get(0))).isEqualTo(event));

    // and: registered under topic-record subjects
    assertThat(http().get("/subjects").body().toString())
        .contains("\"sync.requested.artist-io.setsync.events.SyncRequested\"")
        .contains("\"sync.outcomes-io.setsync.events.SyncStarted\"")
        .contains("\"sync.outcomes-io.setsync.events.SyncCompleted\"")
        .contains("\"sync.outcomes-io.setsync.events.SyncFailed\"");
  }

  @Test
  void anIndependentDecoderReadsWhatWeWrote() throws Exception {
    // given
    SyncCompleted completed = SampleEvents.completed();
    SyncRequested requested = SampleEvents.requested();
    produce(List.of(completed, requested));
    IndependentConfluentDecoder decoder = new IndependentConfluentDecoder(registryUrl());

    // when: raw bytes, decoded with nothing but the registry endpoint and Avro's generic reader
    Map<String, GenericRecord> decoded = new ConcurrentHashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = KafkaClients.rawConsumer(registryUrl())) {
      consumer.subscribe(List.of(REQUESTED.name(), Topics.OUTCOMES.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, byte[]> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  GenericRecord value = decoder.decode(record.value());
                  decoded.put(value.get("eventId").toString(), value);
                }
                assertThat(decoded)
                    .containsKeys(
                        completed.getEventId().toString(), requested.getEventId().toString());
              });
    }

    // then
    GenericRecord c = decoded.get(completed.getEventId().toString());
    assertThat(c.getSchema().getFullName()).isEqualTo("io.setsync.events.SyncCompleted");
    assertThat(c.get("syncId").toString()).isEqualTo(completed.getSyncId().toString());
    assertThat(c.get("parentSyncId")).isNull();
    assertThat(c.get("entityType").toString()).isEqualTo("ARTIST");
    assertThat(c.get("occurredAt")).isEqualTo(SampleEvents.AT.toEpochMilli());
    assertThat(c.get("durationMs")).isEqualTo(1234L);
    assertThat(c.get("changed")).isEqualTo(true);
    assertThat(stringKeys((Map<?, ?>) c.get("counts")))
        .isEqualTo(Map.of("songs", 10L, "shows", 3L, "venues", 0L));
    GenericRecord r = decoded.get(requested.getEventId().toString());
    assertThat(r.get("reason").toString()).isEqualTo("CASCADE");
    assertThat(((GenericData.Record) r.get("options")).get("skipDependencies")).isEqualTo(true);
    assertThat(r.get("snapshot").toString()).isEqualTo(requested.getSnapshot());
    assertThat(r.get("spotifyId")).isNull();
  }

  private void produce(List<SpecificRecord> events) throws Exception {
    try (KafkaProducer<String, SpecificRecord> producer =
        KafkaClients.avroProducer(registryUrl())) {
      for (SpecificRecord event : events) {
        String topic = event instanceof SyncRequested ? REQUESTED.name() : Topics.OUTCOMES.name();
        producer
            .send(new ProducerRecord<>(topic, Topics.key(SampleEvents.ENTITY_ID), event))
            .get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static Set<Object> eventIds(List<SpecificRecord> events) {
    return Set.copyOf(events.stream().map(event -> event.get(0)).toList());
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new java.util.HashMap<>();
    map.forEach((key, value) -> copy.put(key.toString(), value));
    return copy;
  }
}
