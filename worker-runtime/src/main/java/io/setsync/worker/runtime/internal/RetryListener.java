package io.setsync.worker.runtime.internal;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

/**
 * The record listener of the retry topics ({@code <topic>-retry-<n>}), run by spring-kafka's
 * non-blocking retry containers, which delay each record by its back-off and, when this throws,
 * forward it to the next retry topic or the dead-letter topic. Its outcome events are acknowledged
 * before it throws or returns.
 */
class RetryListener {

  private final SyncPipeline<?> pipeline;

  RetryListener(SyncPipeline<?> pipeline) {
    this.pipeline = pipeline;
  }

  public void onRecord(ConsumerRecord<String, Object> record) {
    SyncPipeline.Delivery delivery = Deliveries.decode(record);
    try (MDC.MDCCloseable ignored =
        MDC.putCloseable("syncId", delivery.request().syncId().toString())) {
      List<SyncPipeline.Forward> forwards = pipeline.process(List.of(delivery), Source.RETRY);
      if (!forwards.isEmpty()) {
        throw forwards.get(0).failure();
      }
    }
  }
}
