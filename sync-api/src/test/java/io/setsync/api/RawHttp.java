package io.setsync.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that HTTP clients refuse to send: malformed request
 * lines, control and non-ASCII bytes in headers, undecodable paths.
 */
final class RawHttp {

  private static final int TIMEOUT_MILLIS = 10_000;

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /** Sends the request head as given (lines without their CRLF) and a body, reads the answer. */
  ApiClient.Answer send(List<byte[]> headLines, byte[] body) {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    for (byte[] line : headLines) {
      request.writeBytes(line);
      request.writeBytes(crlf());
    }
    request.writeBytes(crlf());
    request.writeBytes(body);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.getOutputStream().write(request.toByteArray());
      socket.getOutputStream().flush();
      return parse(readAnswer(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GET of the request target as given, with {@code Connection: close}. */
  ApiClient.Answer get(String target, String token) {
    List<byte[]> head = new ArrayList<>();
    head.add(ascii("GET " + target + " HTTP/1.1"));
    head.add(ascii("Host: localhost:" + port));
    if (token != null) {
      head.add(ascii("Authorization: Bearer " + token));
    }
    head.add(ascii("Connection: close"));
    return send(head, new byte[0]);
  }

  static byte[] ascii(String line) {
    return line.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] crlf() {
    return new byte[] {'\r', '\n'};
  }

  /** Reads until the server closes, or until a Content-Length body is complete. */
  private static byte[] readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int read;
    while ((read = in.read(buffer)) != -1) {
      answer.write(buffer, 0, read);
      if (complete(answer.toByteArray())) {
        break;
      }
    }
    return answer.toByteArray();
  }

  private static boolean complete(byte[] answer) {
    String text = new String(answer, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    Map<String, List<String>> headers = headers(text.substring(0, end));
    List<String> length = headers.get("content-length");
    return length != null && answer.length - end - 4 >= Integer.parseInt(length.get(0).strip());
  }

  private static ApiClient.Answer parse(byte[] answer) {
    String text = new String(answer, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("No complete answer: " + text);
    }
    String head = text.substring(0, end);
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    Map<String, List<String>> headers = headers(head);
    byte[] body = Arrays.copyOfRange(answer, end + 4, answer.length);
    if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
      body = unchunk(body);
    }
    return new ApiClient.Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static Map<String, List<String>> headers(String head) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(
                lines[i].substring(0, colon).strip().toLowerCase(), name -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
    }
    return headers;
  }

  private static byte[] unchunk(byte[] chunked) {
    String text = new String(chunked, StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < text.length()) {
      int lineEnd = text.indexOf("\r\n", at);
      int size = Integer.parseInt(text.substring(at, lineEnd).strip(), 16);
      if (size == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toByteArray();
  }
}
