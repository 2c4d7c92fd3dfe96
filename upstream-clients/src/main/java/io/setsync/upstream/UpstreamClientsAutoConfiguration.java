package io.setsync.upstream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.setsync.upstream.spotify.SpotifyClient;
import io.setsync.upstream.spotify.SpotifySettings;
import io.setsync.upstream.ticketmaster.TicketmasterClient;
import io.setsync.upstream.ticketmaster.TicketmasterSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * A {@link SpotifyClient} and a {@link TicketmasterClient} for every application that has this
 * module, configured from {@code setsync.spotify.*} and {@code setsync.ticketmaster.*}. Defaults,
 * including the environment variables the contract names, are in {@code
 * upstream-defaults.properties} and give way to anything the application sets. Turn a client off
 * with {@code setsync.spotify.enabled=false} or {@code setsync.ticketmaster.enabled=false}.
 */
@AutoConfiguration
@EnableConfigurationProperties({SpotifySettings.class, TicketmasterSettings.class})
@PropertySource("classpath:io/setsync/upstream/upstream-defaults.properties")
public class UpstreamClientsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(
      prefix = "setsync.spotify",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  SpotifyClient spotifyClient(SpotifySettings settings, ObjectProvider<MeterRegistry> registry) {
    return new SpotifyClient(settings, registry.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(
      prefix = "setsync.ticketmaster",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  TicketmasterClient ticketmasterClient(
      TicketmasterSettings settings, ObjectProvider<MeterRegistry> registry) {
    return new TicketmasterClient(settings, registry.getIfAvailable(SimpleMeterRegistry::new));
  }
}
