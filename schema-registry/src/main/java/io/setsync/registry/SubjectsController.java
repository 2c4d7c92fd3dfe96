package io.setsync.registry;

import io.setsync.registry.RegistryJson.IdResponse;
import io.setsync.registry.RegistryJson.SchemaRequest;
import io.setsync.registry.RegistryJson.SubjectVersionResponse;
import io.setsync.registry.SchemaStore.SubjectVersion;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /subjects}: register, look up and list schemas by subject. */
@RestController
@RequestMapping(
    path = "/subjects",
    produces = {RegistryMediaTypes.V1, RegistryMediaTypes.GENERIC, RegistryMediaTypes.JSON})
class SubjectsController {

  private final SchemaRegistry registry;

  SubjectsController(SchemaRegistry registry) {
    this.registry = registry;
  }

  @GetMapping
  List<String> subjects() {
    return registry.subjects();
  }

  @PostMapping("/{subject}/versions")
  IdResponse register(@PathVariable String subject, @RequestBody SchemaRequest request) {
    return new IdResponse(registry.register(subject, request.avroSchema()));
  }

  @PostMapping("/{subject}")
  SubjectVersionResponse lookup(@PathVariable String subject, @RequestBody SchemaRequest request) {
    return response(registry.lookup(subject, request.avroSchema()));
  }

  @GetMapping("/{subject}/versions")
  List<Integer> versions(@PathVariable String subject) {
    return registry.versions(subject);
  }

  @GetMapping("/{subject}/versions/{version}")
  SubjectVersionResponse version(@PathVariable String subject, @PathVariable String version) {
    return response(registry.version(subject, VersionId.parse(version)));
  }

  private static SubjectVersionResponse response(SubjectVersion version) {
    return new SubjectVersionResponse(
        version.subject(), version.version(), version.schemaId(), version.canonicalSchema());
  }
}
