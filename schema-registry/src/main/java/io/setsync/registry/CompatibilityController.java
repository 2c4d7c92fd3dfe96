package io.setsync.registry;

import io.setsync.registry.RegistryJson.CompatibilityResponse;
import io.setsync.registry.RegistryJson.ConfigResponse;
import io.setsync.registry.RegistryJson.ConfigUpdate;
import io.setsync.registry.RegistryJson.SchemaRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /compatibility} checks and the {@code /config} compatibility levels. */
@RestController
@RequestMapping(
    produces = {RegistryMediaTypes.V1, RegistryMediaTypes.GENERIC, RegistryMediaTypes.JSON})
class CompatibilityController {

  private final SchemaRegistry registry;

  CompatibilityController(SchemaRegistry registry) {
    this.registry = registry;
  }

  @PostMapping({
    "/compatibility/subjects/{subject}/versions/{version}",
    "/compatibility/subjects/{subject}/versions"
  })
  CompatibilityResponse check(
      @PathVariable String subject,
      @PathVariable(required = false) String version,
      @RequestParam(defaultValue = "false") boolean verbose,
      @RequestBody SchemaRequest request) {
    VersionId against = version == null ? VersionId.LATEST : VersionId.parse(version);
    List<String> problems = registry.compatibilityProblems(subject, against, request.avroSchema());
    return new CompatibilityResponse(problems.isEmpty(), verbose ? problems : null);
  }

  @GetMapping("/config")
  ConfigResponse globalConfig() {
    return new ConfigResponse(registry.globalCompatibility().name());
  }

  @PutMapping("/config")
  ConfigUpdate setGlobalConfig(@RequestBody ConfigUpdate update) {
    CompatibilityLevel level = CompatibilityLevel.parse(update.compatibility());
    registry.setGlobalCompatibility(level);
    return new ConfigUpdate(level.name());
  }

  @GetMapping("/config/{subject}")
  ConfigResponse subjectConfig(
      @PathVariable String subject, @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
    return new ConfigResponse(registry.subjectCompatibility(subject, defaultToGlobal).name());
  }

  @PutMapping("/config/{subject}")
  ConfigUpdate setSubjectConfig(@PathVariable String subject, @RequestBody ConfigUpdate update) {
    CompatibilityLevel level = CompatibilityLevel.parse(update.compatibility());
    registry.setSubjectCompatibility(subject, level);
    return new ConfigUpdate(level.name());
  }
}
