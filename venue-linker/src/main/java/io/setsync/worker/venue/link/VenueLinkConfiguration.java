package io.setsync.worker.venue.link;

import io.setsync.upstream.ticketmaster.TicketmasterClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VenueLinkerSettings.class)
class VenueLinkConfiguration {

  @Bean
  VenueLinkHandler venueLinkHandler(
      JdbcTemplate jdbc,
      TicketmasterClient ticketmaster,
      VenueLinkerSettings settings,
      ObjectProvider<Clock> clock) {
    return new VenueLinkHandler(
        new VenueStore(jdbc), ticketmaster, settings, clock.getIfAvailable(Clock::systemUTC));
  }
}
