package io.setsync.worker.show.setlist;

import io.setsync.schemas.topic.Topics;
import io.setsync.worker.runtime.WorkerSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SetlistSettings.class)
class SetlistConfiguration {

  @Bean
  SetlistRanking setlistRanking(SetlistSettings settings) {
    return new SetlistRanking(settings.maxSongs());
  }

  @Bean
  ArtistSetlists artistSetlists(JdbcTemplate jdbc, SetlistRanking ranking) {
    return new ArtistSetlists(jdbc, ranking, JsonMapper.builder().build());
  }

  /**
   * Its own consumer group on {@code sync.outcomes}, with the runtime's consumer settings (Avro
   * values, registry, no auto-commit: offsets commit after each poll's transaction).
   */
  @Bean
  @ConditionalOnProperty(
      name = "setsync.show.setlist.refresh-on-artist-sync",
      havingValue = "true",
      matchIfMissing = true)
  @SuppressWarnings("unchecked")
  ConcurrentMessageListenerContainer<String, Object> artistSyncListenerContainer(
      ConsumerFactory<?, ?> consumerFactory,
      WorkerSettings worker,
      ArtistSetlists setlists,
      PlatformTransactionManager transactionManager) {
    ContainerProperties properties = new ContainerProperties(Topics.OUTCOMES.name());
    properties.setGroupId(worker.name() + "-setlists");
    properties.setAckMode(ContainerProperties.AckMode.BATCH);
    properties.setShutdownTimeout(worker.shutdownTimeout().toMillis());
    properties.setMessageListener(
        new ArtistSyncListener(setlists, new TransactionTemplate(transactionManager)));
    ConcurrentMessageListenerContainer<String, Object> container =
        new ConcurrentMessageListenerContainer<>(
            (ConsumerFactory<String, Object>) consumerFactory, properties);
    container.setBeanName("artistSyncListener");
    // A failing poll (the database away) is tried again with growing pauses, not skipped.
    ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
    backOff.setMaxInterval(30_000);
    container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
    return container;
  }
}
