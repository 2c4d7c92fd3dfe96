package io.setsync.worker.runtime.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.setsync.schemas.serde.AvroSerdeConfig;
import io.setsync.schemas.serde.ConfluentAvroDeserializer;
import io.setsync.schemas.topic.TopicProvisioner;
import io.setsync.worker.runtime.SyncHandler;
import io.setsync.worker.runtime.WorkerSettings;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;
import org.springframework.kafka.retrytopic.DestinationTopicResolver;
import org.springframework.kafka.retrytopic.RetryTopicBeanNames;
import org.springframework.kafka.retrytopic.RetryTopicConfigurer;
import org.springframework.kafka.retrytopic.RetryTopicSchedulerWrapper;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker runtime, active in an application that declares a {@link SyncHandler} bean: consumer
 * and producer settings, topics, the ledger, the pipeline, the listeners and the retry topics.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(SyncHandler.class)
@EnableConfigurationProperties(WorkerSettings.class)
@Import(WorkerRetryTopicSupport.class)
public class WorkerRuntimeAutoConfiguration {

  @Bean
  DefaultKafkaConsumerFactoryCustomizer setsyncWorkerConsumerSettings(
      WorkerSettings settings, KafkaProperties kafka) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    configs.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
    configs.put(
        ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, ConfluentAvroDeserializer.class);
    configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, settings.schemaRegistryUrl().toString());
    configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    if (kafka.getConsumer().getAutoOffsetReset() == null) {
      // A new worker group must not skip the requests published before it first started.
      configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }
    return factory -> factory.updateConfigs(configs);
  }

  @Bean
  DefaultKafkaProducerFactoryCustomizer setsyncWorkerProducerSettings(
      WorkerSettings settings, KafkaProperties kafka) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, OutgoingValueSerializer.class);
    configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, settings.schemaRegistryUrl().toString());
    configs.put(ProducerConfig.ACKS_CONFIG, "all");
    configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    Map<String, String> own = kafka.getProducer().getProperties();
    if (!own.containsKey(ProducerConfig.LINGER_MS_CONFIG)) {
      configs.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    }
    if (kafka.getProducer().getCompressionType() == null) {
      // Uncompressed: a worker's batches hold a few events per partition, where lz4 saves little
      // and costs a 64 KiB block buffer per batch here and a decompression in the broker.
      configs.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    }
    return factory -> factory.updateConfigs(configs);
  }

  @Bean
  @SuppressWarnings("unchecked")
  KafkaTemplate<String, Object> setsyncWorkerKafkaTemplate(ProducerFactory<?, ?> producerFactory) {
    return new KafkaTemplate<>((ProducerFactory<String, Object>) producerFactory);
  }

  @Bean
  WorkerTopics setsyncWorkerTopics(
      WorkerSettings settings, SyncHandler<?> handler, KafkaAdmin kafkaAdmin) {
    WorkerTopics topics =
        new WorkerTopics(handler.entity(), settings.retry().attempts(), settings.topicPartitions());
    if (settings.provisionTopics()) {
      try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
        new TopicProvisioner(admin).provision(topics.all());
      }
    }
    return topics;
  }

  @Bean
  WorkerMetrics setsyncWorkerMetrics(
      ObjectProvider<MeterRegistry> registry, SyncHandler<?> handler) {
    return new WorkerMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), handler.entity());
  }

  @Bean
  RunningFlag setsyncWorkerRunning() {
    return new RunningFlag();
  }

  @Bean
  SyncLedger setsyncWorkerLedger(JdbcTemplate jdbc) {
    return new SyncLedger(jdbc, JsonMapper.builder().build());
  }

  @Bean
  LedgerRetention setsyncWorkerLedgerRetention(
      SyncLedger ledger,
      WorkerSettings settings,
      SyncHandler<?> handler,
      WorkerMetrics metrics,
      ObjectProvider<Clock> clock) {
    return new LedgerRetention(
        ledger,
        handler.entity(),
        settings.ledger(),
        metrics,
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  <T> SyncPipeline<T> setsyncWorkerPipeline(
      WorkerSettings settings,
      SyncHandler<T> handler,
      SyncLedger ledger,
      PlatformTransactionManager transactionManager,
      KafkaTemplate<String, Object> setsyncWorkerKafkaTemplate,
      ThreadPoolTaskScheduler setsyncWorkerStartedScheduler,
      WorkerMetrics metrics,
      ObjectProvider<Clock> clock) {
    return new SyncPipeline<>(
        handler,
        ledger,
        new OutcomePublisher(
            setsyncWorkerKafkaTemplate,
            settings.name(),
            settings.sendTimeout(),
            setsyncWorkerStartedScheduler,
            settings.startedDelay()),
        new TransactionTemplate(transactionManager),
        metrics,
        settings.freshFor(),
        settings.retry().attempts(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  /** Sends the {@code SyncStarted} events held back longer than {@code started-delay}. */
  @Bean
  ThreadPoolTaskScheduler setsyncWorkerStartedScheduler() {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("setsync-started-");
    return scheduler;
  }

  @Bean
  RetryTopicSchedulerWrapper setsyncWorkerRetryScheduler() {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("setsync-retry-");
    return new RetryTopicSchedulerWrapper(scheduler);
  }

  @Bean
  WorkerListeners setsyncWorkerListeners(
      WorkerSettings settings,
      WorkerTopics topics,
      SyncPipeline<?> pipeline,
      WorkerMetrics metrics,
      RunningFlag running,
      ConsumerFactory<?, ?> consumerFactory,
      KafkaTemplate<String, Object> setsyncWorkerKafkaTemplate,
      RetryTopicConfigurer retryTopicConfigurer,
      @Qualifier(RetryTopicBeanNames.DESTINATION_TOPIC_RESOLVER_BEAN_NAME)
          DestinationTopicResolver destinations,
      BeanFactory beanFactory) {
    DeadLetterPublishingRecovererFactory forwarders =
        new DeadLetterPublishingRecovererFactory(destinations);
    DeadLetters.configure(forwarders, metrics, settings.retry().maxRetryAfter(), Clock.systemUTC());
    RequestListener requested =
        new RequestListener(
            pipeline,
            Source.REQUESTED,
            forwarders.create(WorkerListeners.retryChainId(settings, Source.REQUESTED)),
            new RatePacer(0),
            metrics,
            running);
    RequestListener replay =
        new RequestListener(
            pipeline,
            Source.REPLAY,
            forwarders.create(WorkerListeners.retryChainId(settings, Source.REPLAY)),
            new RatePacer(settings.replay().maxPerSecond()),
            metrics,
            running);
    return new WorkerListeners(
        settings,
        topics,
        retryTopicConfigurer,
        containerFactory(consumerFactory, settings, true),
        containerFactory(consumerFactory, settings, false),
        setsyncWorkerKafkaTemplate,
        requested,
        replay,
        new RetryListener(pipeline),
        beanFactory);
  }

  @SuppressWarnings("unchecked")
  private static ConcurrentKafkaListenerContainerFactory<String, Object> containerFactory(
      ConsumerFactory<?, ?> consumerFactory, WorkerSettings settings, boolean batch) {
    ConcurrentKafkaListenerContainerFactory<String, Object> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory((ConsumerFactory<String, Object>) consumerFactory);
    factory.setBatchListener(batch);
    ContainerProperties container = factory.getContainerProperties();
    container.setAckMode(ContainerProperties.AckMode.BATCH);
    container.setShutdownTimeout(settings.shutdownTimeout().toMillis());
    if (batch) {
      // Only infrastructure failures (database, Kafka) escape the batch listener: retry the batch
      // until they are over, rather than give up on records.
      ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
      backOff.setMaxInterval(30_000);
      factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
    }
    return factory;
  }
}
