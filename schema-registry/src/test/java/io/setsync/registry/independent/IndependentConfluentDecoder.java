package io.setsync.registry.independent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Confluent wire-format decoder written only from the specifications: the registry's REST API
 * ({@code GET /schemas/ids/{id}}) and the Avro binary encoding. It deliberately uses none of
 * Setsync's classes (not even the generated events), so it stands for "any standard consumer".
 */
public final class IndependentConfluentDecoder {

  private final URI registry;
  private final HttpClient http = HttpClient.newHttpClient();

  public IndependentConfluentDecoder(URI registry) {
    this.registry = registry;
  }

  /** Decodes one record value into a generic record of the writer schema. */
  public GenericRecord decode(byte[] value) throws IOException, InterruptedException {
    if (value.length < 5 || value[0] != 0) {
      throw new IOException("not the Confluent wire format");
    }
    int id =
        ((value[1] & 0xff) << 24)
            | ((value[2] & 0xff) << 16)
            | ((value[3] & 0xff) << 8)
            | (value[4] & 0xff);
    Schema writer = new Schema.Parser().parse(fetchSchema(id));
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null);
    return new GenericDatumReader<GenericRecord>(writer).read(null, decoder);
  }

  private String fetchSchema(int id) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(registry.resolve("/schemas/ids/" + id))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/vnd.schemaregistry.v1+json")
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("registry answered " + response.statusCode() + ": " + response.body());
    }
    return JsonMapper.shared().readTree(response.body()).get("schema").asString();
  }
}
