package io.setsync.api;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A headless Chromium driven over the DevTools protocol, with nothing but the JDK: one page, whose
 * JavaScript exceptions and console/security errors are collected. For tests that skip when {@link
 * #PATH} is absent.
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final Path PATH = Path.of("/usr/bin/chromium");

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  public static boolean installed() {
    return Files.isExecutable(PATH);
  }

  /** Starts Chromium with a fresh profile and attaches to its first page. */
  public static HeadlessChromium start() throws IOException {
    // Under target/, so that whatever a browser process leaves behind goes with mvn clean.
    Path build = Files.createDirectories(Path.of("target"));
    Path profile = Files.createTempDirectory(build, "chromium-");
    Process process =
        new ProcessBuilder(
                PATH.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--window-size=1280,1024",
                "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      await().atMost(TIMEOUT).until(() -> Files.exists(portFile) && lines(portFile) >= 2);
      int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
      String pageSocket = pageSocketUrl(port);
      Listener listener = new Listener();
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create(pageSocket), listener)
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      HeadlessChromium chromium = new HeadlessChromium(process, profile, socket);
      listener.chromium = chromium;
      chromium.call("Runtime.enable", Map.of());
      chromium.call("Log.enable", Map.of());
      chromium.call("Page.enable", Map.of());
      return chromium;
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IOException("Chromium did not start: " + e.getMessage(), e);
    }
  }

  /** Opens the URL in the page. */
  public void open(String url) {
    call("Page.navigate", Map.of("url", url));
  }

  /** Evaluates a JavaScript expression in the page (promises awaited) and returns its value. */
  public JsonNode eval(String expression) {
    JsonNode answer =
        call(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (answer.has("exceptionDetails")) {
      throw new IllegalStateException(
          "JavaScript failed: " + answer.path("exceptionDetails").toString());
    }
    return answer.path("result").path("value");
  }

  public String text(String selector) {
    return eval("(document.querySelector(" + quote(selector) + ") || {}).textContent || ''")
        .asString();
  }

  /** Sets a form field's value (input, select). */
  public void type(String selector, String value) {
    eval("document.querySelector(" + quote(selector) + ").value = " + quote(value));
  }

  public void click(String selector) {
    eval("document.querySelector(" + quote(selector) + ").click()");
  }

  /** Uncaught exceptions and console or security errors the page reported so far. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  @Override
  public void close() {
    socket.abort();
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle helper : helpers) {
        helper.destroy();
        helper.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      // a helper process that outlives the browser: the profile may stay behind in target/
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary profile left behind
    }
  }

  private JsonNode call(String method, Map<String, Object> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    String message = JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params));
    try {
      socket.sendText(message, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (reply.has("error")) {
        throw new IllegalStateException(method + " failed: " + reply.path("error"));
      }
      return reply.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(method + " failed", e);
    } finally {
      pending.remove(id);
    }
  }

  private void received(JsonNode message) {
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = pending.get(message.path("id").asInt());
      if (answer != null) {
        answer.complete(message);
      }
      return;
    }
    String method = message.path("method").asString();
    JsonNode params = message.path("params");
    if (method.equals("Runtime.exceptionThrown")) {
      errors.add("exception: " + params.path("exceptionDetails"));
    } else if (method.equals("Runtime.consoleAPICalled")
        && params.path("type").asString().equals("error")) {
      errors.add("console.error: " + params.path("args"));
    } else if (method.equals("Log.entryAdded")) {
      JsonNode entry = params.path("entry");
      // Failed fetches (a 401 the page shows on purpose) are logged as network errors.
      if (entry.path("level").asString().equals("error")
          && !entry.path("source").asString().equals("network")) {
        errors.add(entry.path("source").asString() + ": " + entry.path("text").asString());
      }
    }
  }

  private static String pageSocketUrl(int port) throws IOException, InterruptedException {
    HttpResponse<String> targets =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : JSON.readTree(targets.body())) {
      if (target.path("type").asString().equals("page")) {
        return target.path("webSocketDebuggerUrl").asString();
      }
    }
    throw new IllegalStateException("No page target in " + targets.body());
  }

  private static long lines(Path file) {
    try {
      return Files.readAllLines(file).size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(String value) {
    return JSON.writeValueAsString(value);
  }

  /** Joins the frames of each message and hands it to the browser object. */
  private static final class Listener implements WebSocket.Listener {

    private final StringBuilder frames = new StringBuilder();
    private final List<JsonNode> early = new ArrayList<>();
    private volatile HeadlessChromium chromium;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      frames.append(data);
      if (last) {
        JsonNode message = JSON.readTree(frames.toString());
        frames.setLength(0);
        HeadlessChromium target = chromium;
        if (target == null) {
          early.add(message);
        } else {
          early.forEach(target::received);
          early.clear();
          target.received(message);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
