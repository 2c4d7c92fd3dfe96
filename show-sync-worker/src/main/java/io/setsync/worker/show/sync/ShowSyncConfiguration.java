package io.setsync.worker.show.sync;

import io.setsync.upstream.ticketmaster.TicketmasterClient;
import io.setsync.worker.runtime.WorkerSettings;
import io.setsync.worker.show.setlist.ArtistSetlists;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShowSyncSettings.class)
class ShowSyncConfiguration {

  @Bean
  ShowSyncHandler showSyncHandler(
      JdbcTemplate jdbc,
      ArtistSetlists setlists,
      TicketmasterClient ticketmaster,
      ShowSyncSettings settings,
      WorkerSettings worker,
      ObjectProvider<Clock> clock) {
    return new ShowSyncHandler(
        new ShowStore(jdbc),
        setlists,
        ticketmaster,
        settings,
        worker.name(),
        clock.getIfAvailable(Clock::systemUTC));
  }
}
