package io.setsync.worker.runtime.internal;

import io.setsync.worker.runtime.WorkerSettings;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;

/** spring-kafka's retry-topic infrastructure, with the worker's dead-letter headers and metrics. */
@Configuration(proxyBeanMethods = false)
class WorkerRetryTopicSupport extends RetryTopicConfigurationSupport {

  private final ObjectProvider<WorkerMetrics> metrics;
  private final ObjectProvider<WorkerSettings> settings;

  WorkerRetryTopicSupport(
      ObjectProvider<WorkerMetrics> metrics, ObjectProvider<WorkerSettings> settings) {
    this.metrics = metrics;
    this.settings = settings;
  }

  @Override
  protected Consumer<DeadLetterPublishingRecovererFactory>
      configureDeadLetterPublishingContainerFactory() {
    return factory ->
        DeadLetters.configure(
            factory,
            metrics.getObject(),
            settings.getObject().retry().maxRetryAfter(),
            Clock.systemUTC());
  }

  @Override
  protected void manageNonBlockingFatalExceptions(List<Class<? extends Throwable>> fatal) {
    fatal.add(UndecodableRecordException.class);
  }
}
