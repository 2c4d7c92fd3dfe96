package io.setsync.registry;

import io.setsync.registry.RegistryJson.SchemaResponse;
import io.setsync.registry.RegistryJson.SubjectAndVersion;
import io.setsync.registry.SchemaStore.SubjectVersion;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /schemas}: schemas by their global id, as deserializers fetch them. */
@RestController
@RequestMapping(
    path = "/schemas",
    produces = {RegistryMediaTypes.V1, RegistryMediaTypes.GENERIC, RegistryMediaTypes.JSON})
class SchemasController {

  private final SchemaRegistry registry;

  SchemasController(SchemaRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/ids/{id}")
  SchemaResponse schema(@PathVariable int id) {
    return new SchemaResponse(registry.schemaById(id));
  }

  @GetMapping("/ids/{id}/versions")
  List<SubjectAndVersion> versions(@PathVariable int id) {
    return registry.versionsWithSchema(id).stream()
        .map(version -> new SubjectAndVersion(version.subject(), version.version()))
        .toList();
  }

  @GetMapping("/ids/{id}/subjects")
  List<String> subjects(@PathVariable int id) {
    return registry.versionsWithSchema(id).stream()
        .map(SubjectVersion::subject)
        .distinct()
        .toList();
  }

  @GetMapping("/types")
  List<String> types() {
    return List.of("AVRO");
  }
}
