package io.setsync.api.projector;

import io.setsync.api.kafka.KafkaSettings;
import io.setsync.api.kafka.KafkaTopics;
import io.setsync.schemas.serde.AvroSerdeConfig;
import io.setsync.schemas.serde.ConfluentAvroSerializer;
import io.setsync.schemas.topic.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The projector's consumer runs with Boot's listener container factory ({@code spring.kafka.*} in
 * application.yaml: batch listener, Avro behind an ErrorHandlingDeserializer). Failures of a batch
 * (the database down) are retried with back-off and never skipped; an undecodable record goes to
 * {@code <topic>-dlt}, with its original bytes.
 */
@Configuration(proxyBeanMethods = false)
class ProjectorConfiguration {

  @Bean
  DefaultErrorHandler projectorErrorHandler(KafkaProperties kafka, KafkaSettings settings) {
    Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "sync-api-projector-dlt");
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, settings.schemaRegistryUrl());
    Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
    byType.put(byte[].class, new ByteArraySerializer());
    byType.put(SpecificRecord.class, new ConfluentAvroSerializer());
    DelegatingByTypeSerializer values = new DelegatingByTypeSerializer(byType, true);
    values.configure(config, false);
    KafkaTemplate<String, Object> template =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(config, new StringSerializer(), values));
    DeadLetterPublishingRecoverer deadLetters =
        new DeadLetterPublishingRecoverer(
            template,
            (record, e) -> new TopicPartition(Topics.dltName(record.topic()), record.partition()));
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(10_000);
    return new DefaultErrorHandler(deadLetters, backOff);
  }

  /** The consumer starts once its topics exist, so it never subscribes to a missing one. */
  @EventListener(ApplicationReadyEvent.class)
  void startWhenTopicsReady(ApplicationReadyEvent event) {
    KafkaTopics topics = event.getApplicationContext().getBean(KafkaTopics.class);
    KafkaListenerEndpointRegistry registry =
        event.getApplicationContext().getBean(KafkaListenerEndpointRegistry.class);
    topics.whenReady(
        () -> {
          var container = registry.getListenerContainer(StatusProjectorListener.ID);
          if (container != null && !container.isRunning()) {
            container.start();
          }
        });
  }
}
