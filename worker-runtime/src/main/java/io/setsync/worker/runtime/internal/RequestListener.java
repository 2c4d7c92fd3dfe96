package io.setsync.worker.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The batch listener on {@code sync.requested.<entity>} or {@code sync.replay.<entity>}: the whole
 * poll goes through the pipeline at once (one transaction, batched look-ups). Records that failed
 * retryably are forwarded to the first retry topic, undecodable ones to the dead-letter topic, both
 * with spring-kafka's recoverer and so with its headers, before the listener returns and the
 * container commits the offsets.
 */
class RequestListener {

  private static final Logger log = LoggerFactory.getLogger(RequestListener.class);

  private final SyncPipeline<?> pipeline;
  private final Source source;
  private final DeadLetterPublishingRecoverer forwarder;
  private final RatePacer pacer;
  private final WorkerMetrics metrics;
  private final BooleanSupplier running;

  RequestListener(
      SyncPipeline<?> pipeline,
      Source source,
      DeadLetterPublishingRecoverer forwarder,
      RatePacer pacer,
      WorkerMetrics metrics,
      BooleanSupplier running) {
    this.pipeline = pipeline;
    this.source = source;
    this.forwarder = forwarder;
    this.pacer = pacer;
    this.metrics = metrics;
    this.running = running;
  }

  public void onBatch(List<ConsumerRecord<String, Object>> records, Consumer<?, ?> consumer) {
    try {
      process(records, consumer);
    } catch (RuntimeException e) {
      log.warn(
          "A batch of {} from {} failed and will be processed again: {}",
          records.size(),
          source.tag(),
          e.toString(),
          e);
      throw e;
    }
  }

  private void process(List<ConsumerRecord<String, Object>> records, Consumer<?, ?> consumer) {
    metrics.batch(source, records.size());
    pacer.await(records.size(), running);
    List<SyncPipeline.Delivery> deliveries = new ArrayList<>(records.size());
    for (ConsumerRecord<String, Object> record : records) {
      try {
        deliveries.add(Deliveries.decode(record));
      } catch (UndecodableRecordException e) {
        log.warn("{}; sending it to the dead-letter topic", e.getMessage());
        forwarder.accept(record, consumer, e);
      }
    }
    for (SyncPipeline.Forward forward : pipeline.process(deliveries, source)) {
      forwarder.accept(forward.delivery().record(), consumer, forward.failure());
    }
  }
}
