package io.setsync.api.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.setsync.api.kafka.KafkaSettings;
import io.setsync.api.kafka.KafkaTopics;
import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

  @Bean
  OutboxProducers outboxProducers(
      KafkaProperties kafka, KafkaSettings kafkaSettings, OutboxSettings settings) {
    return new OutboxProducers(kafka, kafkaSettings, settings);
  }

  @Bean
  OutboxRelay outboxRelay(
      OutboxStore store,
      PlatformTransactionManager transactionManager,
      OutboxProducers producers,
      KafkaTopics topics,
      OutboxSettings settings,
      MeterRegistry meters) {
    return new OutboxRelay(
        store,
        new TransactionTemplate(transactionManager),
        producers,
        topics::isReady,
        settings,
        meters);
  }

  @Bean
  Outbox outbox(OutboxRelay relay) {
    return new Outbox(relay::wakeUp);
  }

  @Bean
  OutboxMetrics outboxMetrics(OutboxStore store, Clock clock, MeterRegistry meters) {
    return new OutboxMetrics(store, clock, meters);
  }
}
