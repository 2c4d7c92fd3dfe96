package io.setsync.registry;

import io.setsync.registry.SchemaStore.SubjectVersion;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration, lookup and compatibility rules of the registry. */
@Service
class SchemaRegistry {

  private static final Logger log = LoggerFactory.getLogger(SchemaRegistry.class);

  private final SchemaStore store;
  private final TransactionTemplate transaction;

  SchemaRegistry(SchemaStore store, PlatformTransactionManager transactionManager) {
    this.store = store;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * Registers the schema under the subject and returns its global id. The same schema again returns
   * the id it already has; a schema that breaks the subject's compatibility level is refused with
   * 409.
   */
  int register(String subject, String rawSchema) {
    CanonicalSchema schema = CanonicalSchema.parse(rawSchema);
    return transaction.execute(
        status -> {
          store.lockSubject(subject);
          var existing = store.find(subject, schema.fingerprint());
          if (existing.isPresent()) {
            return existing.get().schemaId();
          }
          List<SubjectVersion> earlier = store.versions(subject);
          List<String> problems = compatibility(subject).problems(schema.schema(), parse(earlier));
          if (!problems.isEmpty()) {
            throw RegistryException.incompatible(subject, problems);
          }
          int id = store.schemaId(schema);
          int version = store.addVersion(subject, id);
          log.info("Registered schema id {} as version {} of subject {}", id, version, subject);
          return id;
        });
  }

  /** The version of the subject that has this schema. */
  SubjectVersion lookup(String subject, String rawSchema) {
    CanonicalSchema schema = CanonicalSchema.parse(rawSchema);
    return store
        .find(subject, schema.fingerprint())
        .orElseThrow(
            () ->
                store.subjectExists(subject)
                    ? RegistryException.schemaNotFound("for subject '" + subject + "'")
                    : RegistryException.subjectNotFound(subject));
  }

  String schemaById(int id) {
    return store.schemaText(id).orElseThrow(() -> RegistryException.schemaNotFound("id " + id));
  }

  /** The subject versions that use the schema with this id; 40403 when no version does. */
  List<SubjectVersion> versionsWithSchema(int id) {
    List<SubjectVersion> versions = store.versionsWithSchema(id);
    if (versions.isEmpty()) {
      throw RegistryException.schemaNotFound("id " + id);
    }
    return versions;
  }

  List<String> subjects() {
    return store.subjects();
  }

  List<Integer> versions(String subject) {
    List<Integer> versions = store.versions(subject).stream().map(SubjectVersion::version).toList();
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return versions;
  }

  SubjectVersion version(String subject, VersionId version) {
    if (version.isLatest()) {
      return store.latest(subject).orElseThrow(() -> RegistryException.subjectNotFound(subject));
    }
    return store
        .version(subject, version.number())
        .orElseThrow(
            () ->
                store.subjectExists(subject)
                    ? RegistryException.versionNotFound(subject, version.number())
                    : RegistryException.subjectNotFound(subject));
  }

  /**
   * Why the schema could not be registered as the next version ({@code latest}: by the subject's
   * level, against the versions it looks at) or could not follow one given version.
   */
  List<String> compatibilityProblems(String subject, VersionId version, String rawSchema) {
    CanonicalSchema schema = CanonicalSchema.parse(rawSchema);
    CompatibilityLevel level = compatibility(subject);
    if (version.isLatest()) {
      return level.problems(schema.schema(), parse(store.versions(subject)));
    }
    SubjectVersion against = version(subject, version);
    return level.problems(schema.schema(), parse(List.of(against)));
  }

  CompatibilityLevel globalCompatibility() {
    return store.globalCompatibility().orElse(CompatibilityLevel.DEFAULT);
  }

  void setGlobalCompatibility(CompatibilityLevel level) {
    store.setGlobalCompatibility(level);
  }

  /** The subject's own level, or 40408 when it has none. */
  CompatibilityLevel subjectCompatibility(String subject, boolean defaultToGlobal) {
    return store
        .subjectCompatibility(subject)
        .or(() -> defaultToGlobal ? Optional.of(globalCompatibility()) : Optional.empty())
        .orElseThrow(() -> RegistryException.subjectLevelConfigNotFound(subject));
  }

  void setSubjectCompatibility(String subject, CompatibilityLevel level) {
    store.setSubjectCompatibility(subject, level);
  }

  private CompatibilityLevel compatibility(String subject) {
    return store.subjectCompatibility(subject).orElseGet(this::globalCompatibility);
  }

  private static List<Schema> parse(List<SubjectVersion> versions) {
    return versions.stream()
        .map(version -> new Schema.Parser().parse(version.canonicalSchema()))
        .toList();
  }
}
