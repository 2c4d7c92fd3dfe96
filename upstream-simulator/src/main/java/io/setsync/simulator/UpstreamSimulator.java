package io.setsync.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spotify Web API and Ticketmaster Discovery v2 on one port, for tests, benchmarks and local runs.
 *
 * <pre>{@code
 * try (var simulator = new UpstreamSimulator().start(0)) {
 *   String url = simulator.baseUrl(); // SPOTIFY_API_URL, SPOTIFY_ACCOUNTS_URL, TICKETMASTER_API_URL
 * }
 * }</pre>
 */
public final class UpstreamSimulator implements AutoCloseable {

  private static final int BACKLOG = 1024;

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, small answers
    // then wait out the client's delayed ACK (~40 ms each). Read once, when the server first loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final SimulatorOptions options;
  private final SimulatorState state;
  private final Catalog catalog;
  private HttpServer server;
  private ExecutorService workers;
  private ScheduledExecutorService delays;
  private String baseUrl;

  public UpstreamSimulator() {
    this(SimulatorOptions.defaults());
  }

  public UpstreamSimulator(SimulatorOptions options) {
    this.options = options;
    this.state = new SimulatorState(options);
    this.catalog = new Catalog(options.today());
  }

  /** Starts serving on {@code port}; 0 picks a free one, see {@link #port()}. */
  public synchronized UpstreamSimulator start(int port) {
    if (server != null) {
      throw new IllegalStateException("simulator already started on " + baseUrl);
    }
    try {
      server = HttpServer.create(new InetSocketAddress(port), BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    baseUrl = "http://localhost:" + server.getAddress().getPort();
    workers =
        Executors.newFixedThreadPool(
            Math.max(4, Runtime.getRuntime().availableProcessors() * 2), daemon("sim-worker"));
    delays = Executors.newScheduledThreadPool(1, daemon("sim-delay"));
    SpotifyApi spotify =
        new SpotifyApi(
            catalog, new SpotifyDocuments(baseUrl), state.tokens(), state::mode, options);
    TicketmasterApi ticketmaster =
        new TicketmasterApi(
            catalog,
            new TicketmasterDocuments(catalog),
            options,
            () -> state.stats().calls(Upstream.TICKETMASTER));
    server.createContext(
        "/", new Router(state, spotify, ticketmaster, new ControlApi(state), delays));
    server.setExecutor(workers);
    server.start();
    return this;
  }

  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.stop(0);
    workers.shutdownNow();
    delays.shutdownNow();
    server = null;
  }

  @Override
  public void close() {
    stop();
  }

  /** {@code http://localhost:<port>}: the base of both APIs and of the accounts service. */
  public synchronized String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("simulator not started");
    }
    return baseUrl;
  }

  public synchronized int port() {
    return server == null ? -1 : server.getAddress().getPort();
  }

  /** Same as {@code POST /__sim/faults}. */
  public void faults(Upstream upstream, Faults faults) {
    state.conditions(upstream).apply(faults);
  }

  /** Same as {@code POST /__sim/mode}. */
  public void spotifyMode(SpotifyMode mode) {
    state.mode(mode);
  }

  /** Same as {@code GET /__sim/stats}. */
  public SimulatorStats stats() {
    return state.snapshot();
  }

  /** Same as {@code POST /__sim/reset}: no faults, extended mode, zero counts. */
  public void reset() {
    state.reset();
  }

  /** Lifetime of tokens issued from now on. */
  public void tokenLifetime(Duration lifetime) {
    state.tokens().lifetime(lifetime);
  }

  /** Every access token issued so far is rejected from now on, as if Spotify had revoked it. */
  public void revokeTokens() {
    state.tokens().revokeAll();
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
