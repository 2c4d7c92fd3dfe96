package io.setsync.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer about to be written. */
record Response(int status, Map<String, String> headers, byte[] body) {

  static Response json(int status, String json) {
    return new Response(status, new LinkedHashMap<>(), Json.bytes(json));
  }

  static Response json(int status, byte[] json) {
    return new Response(status, new LinkedHashMap<>(), json);
  }

  Response header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
