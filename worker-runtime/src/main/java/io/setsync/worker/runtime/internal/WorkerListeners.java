package io.setsync.worker.runtime.internal;

import io.setsync.worker.runtime.WorkerSettings;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.retrytopic.RetryTopicConfigurer;
import org.springframework.kafka.retrytopic.SameIntervalTopicReuseStrategy;
import org.springframework.kafka.retrytopic.TopicSuffixingStrategy;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Registers the worker's listener containers: per main topic ({@code sync.requested.<entity>} and
 * {@code sync.replay.<entity>}) a batch listener, and a spring-kafka retry-topic chain whose main
 * endpoint never starts (the batch listener serves the main topic; spring-kafka's non-blocking
 * retries do not support batch listeners), so that only its retry topics are consumed.
 */
class WorkerListeners implements KafkaListenerConfigurer {

  static final String RETRY_SUFFIX = "-retry";

  private static final Method ON_BATCH =
      ReflectionUtils.findMethod(RequestListener.class, "onBatch", List.class, Consumer.class);
  private static final Method ON_RECORD =
      ReflectionUtils.findMethod(RetryListener.class, "onRecord", ConsumerRecord.class);

  private final WorkerSettings settings;
  private final WorkerTopics topics;
  private final RetryTopicConfigurer retryTopicConfigurer;
  private final ConcurrentKafkaListenerContainerFactory<String, Object> batchFactory;
  private final ConcurrentKafkaListenerContainerFactory<String, Object> recordFactory;
  private final KafkaOperations<String, Object> kafka;
  private final RequestListener requestedListener;
  private final RequestListener replayListener;
  private final RetryListener retryListener;
  private final BeanFactory beanFactory;
  private final DefaultMessageHandlerMethodFactory methods =
      new DefaultMessageHandlerMethodFactory();

  WorkerListeners(
      WorkerSettings settings,
      WorkerTopics topics,
      RetryTopicConfigurer retryTopicConfigurer,
      ConcurrentKafkaListenerContainerFactory<String, Object> batchFactory,
      ConcurrentKafkaListenerContainerFactory<String, Object> recordFactory,
      KafkaOperations<String, Object> kafka,
      RequestListener requestedListener,
      RequestListener replayListener,
      RetryListener retryListener,
      BeanFactory beanFactory) {
    this.settings = settings;
    this.topics = topics;
    this.retryTopicConfigurer = retryTopicConfigurer;
    this.batchFactory = batchFactory;
    this.recordFactory = recordFactory;
    this.kafka = kafka;
    this.requestedListener = requestedListener;
    this.replayListener = replayListener;
    this.retryListener = retryListener;
    this.beanFactory = beanFactory;
    methods.setBeanFactory(beanFactory);
    methods.afterPropertiesSet();
  }

  /** Id of the batch listener container of a source. */
  static String listenerId(WorkerSettings settings, Source source) {
    return settings.name() + "." + source.tag();
  }

  /** Id of the (never started) main endpoint of the retry chain of a source. */
  static String retryChainId(WorkerSettings settings, Source source) {
    return settings.name() + "." + source.tag() + ".retrying";
  }

  @Override
  public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
    register(
        registrar,
        Source.REQUESTED,
        topics.requested().name(),
        requestedListener,
        settings.requested().concurrency(),
        settings.requested().maxPollRecords());
    register(
        registrar,
        Source.REPLAY,
        topics.replay().name(),
        replayListener,
        settings.replay().concurrency(),
        settings.replay().maxPollRecords());
  }

  private void register(
      KafkaListenerEndpointRegistrar registrar,
      Source source,
      String topic,
      RequestListener listener,
      int concurrency,
      int maxPollRecords) {
    MethodKafkaListenerEndpoint<String, Object> batch = new MethodKafkaListenerEndpoint<>();
    batch.setId(listenerId(settings, source));
    batch.setGroupId(groupId(source));
    batch.setTopics(topic);
    batch.setBean(listener);
    batch.setMethod(ON_BATCH);
    batch.setBatchListener(true);
    batch.setConcurrency(concurrency);
    batch.setConsumerProperties(maxPollRecords(maxPollRecords));
    batch.setMessageHandlerMethodFactory(methods);
    batch.setBeanFactory(beanFactory);
    registrar.registerEndpoint(batch, batchFactory);

    MethodKafkaListenerEndpoint<String, Object> main = new MethodKafkaListenerEndpoint<>();
    RetryTopicConfigurer.EndpointProcessor setUp =
        endpoint -> {
          endpoint.setId(retryChainId(settings, source));
          endpoint.setGroupId(groupId(source));
          endpoint.setTopics(topic);
          endpoint.setBean(retryListener);
          endpoint.setMethod(ON_RECORD);
          endpoint.setConsumerProperties(maxPollRecords(settings.requested().maxPollRecords()));
          endpoint.setMessageHandlerMethodFactory(methods);
          endpoint.setBeanFactory(beanFactory);
          endpoint.setAutoStartup(endpoint != main);
        };
    // Set up before the call as well: the retry chain is keyed by the main endpoint's id.
    setUp.accept(main);
    retryTopicConfigurer.processMainAndRetryListeners(
        setUp,
        main,
        retryConfiguration(),
        registrar,
        recordFactory,
        "kafkaListenerContainerFactory");
  }

  private RetryTopicConfiguration retryConfiguration() {
    WorkerSettings.Retry retry = settings.retry();
    return RetryTopicConfigurationBuilder.newInstance()
        .maxAttempts(retry.attempts())
        .exponentialBackoff(
            retry.initialBackoff().toMillis(), retry.multiplier(), retry.maxBackoff().toMillis())
        .retryTopicSuffix(RETRY_SUFFIX)
        .dltSuffix(DeadLetters.DLT_SUFFIX)
        .setTopicSuffixingStrategy(TopicSuffixingStrategy.SUFFIX_WITH_INDEX_VALUE)
        .sameIntervalTopicReuseStrategy(SameIntervalTopicReuseStrategy.MULTIPLE_TOPICS)
        .doNotAutoCreateRetryTopics()
        .autoStartDltHandler(false)
        .concurrency(retry.concurrency())
        .listenerFactory(recordFactory)
        .create(kafka);
  }

  private String groupId(Source source) {
    return source == Source.REQUESTED ? settings.name() : settings.name() + "-" + source.tag();
  }

  private static Properties maxPollRecords(int maxPollRecords) {
    Properties properties = new Properties();
    properties.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
    return properties;
  }
}
