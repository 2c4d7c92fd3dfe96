package io.setsync.worker.artist.sync;

import io.setsync.upstream.spotify.SpotifyClient;
import io.setsync.upstream.ticketmaster.TicketmasterClient;
import io.setsync.worker.runtime.WorkerSettings;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The artist worker's handler, which the worker runtime runs. */
@Configuration(proxyBeanMethods = false)
class ArtistSyncConfiguration {

  @Bean
  ArtistSyncHandler artistSyncHandler(
      SpotifyClient spotify,
      TicketmasterClient ticketmaster,
      JdbcTemplate jdbc,
      WorkerSettings worker,
      ObjectProvider<Clock> clock) {
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    ArtistStore artists = new ArtistStore(jdbc, JsonMapper.builder().build());
    return new ArtistSyncHandler(
        new ArtistUpstream(spotify, ticketmaster, artists, time),
        artists,
        new ShowStore(jdbc),
        worker.name(),
        time);
  }
}
