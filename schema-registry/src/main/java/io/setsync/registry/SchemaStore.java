package io.setsync.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's tables (changeset 002-schema-registry). */
@Repository
class SchemaStore {

  /** First key of our advisory locks, so they cannot collide with another feature's. */
  private static final int LOCK_NAMESPACE = 0x53524547; // "SREG"

  private static final String GLOBAL = "";

  // Every read of subject versions, completed by its WHERE (and ORDER BY).
  private static final String SUBJECT_VERSIONS =
      """
      SELECT v.subject, v.version, v.schema_id, s.canonical_schema
        FROM schema_registry_subject_versions v
        JOIN schema_registry_schemas s ON s.id = v.schema_id
      """;

  private final JdbcClient jdbc;

  SchemaStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Serializes registrations to one subject until the transaction ends. */
  void lockSubject(String subject) {
    jdbc.sql("SELECT pg_advisory_xact_lock(:namespace, hashtext(:subject))")
        .param("namespace", LOCK_NAMESPACE)
        .param("subject", subject)
        .query((rs, row) -> 1)
        .list();
  }

  /** The subject's versions, oldest first. */
  List<SubjectVersion> versions(String subject) {
    return jdbc.sql(
            SUBJECT_VERSIONS
                + """
             WHERE v.subject = :subject
             ORDER BY v.version
            """)
        .param("subject", subject)
        .query(SubjectVersion.class)
        .list();
  }

  Optional<SubjectVersion> version(String subject, int version) {
    return jdbc.sql(
            SUBJECT_VERSIONS
                + """
             WHERE v.subject = :subject AND v.version = :version
            """)
        .param("subject", subject)
        .param("version", version)
        .query(SubjectVersion.class)
        .optional();
  }

  Optional<SubjectVersion> latest(String subject) {
    return jdbc.sql(
            SUBJECT_VERSIONS
                + """
             WHERE v.subject = :subject
             ORDER BY v.version DESC
             LIMIT 1
            """)
        .param("subject", subject)
        .query(SubjectVersion.class)
        .optional();
  }

  Optional<SubjectVersion> find(String subject, byte[] fingerprint) {
    return jdbc.sql(
            SUBJECT_VERSIONS
                + """
             WHERE v.subject = :subject AND s.fingerprint = :fingerprint
            """)
        .param("subject", subject)
        .param("fingerprint", fingerprint)
        .query(SubjectVersion.class)
        .optional();
  }

  boolean subjectExists(String subject) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM schema_registry_subject_versions WHERE subject = :subject)")
        .param("subject", subject)
        .query(Boolean.class)
        .single();
  }

  List<String> subjects() {
    return jdbc.sql(
            "SELECT DISTINCT subject FROM schema_registry_subject_versions ORDER BY subject")
        .query(String.class)
        .list();
  }

  /** Every subject version that has this schema, by subject then version. */
  List<SubjectVersion> versionsWithSchema(int id) {
    return jdbc.sql(
            SUBJECT_VERSIONS
                + """
             WHERE v.schema_id = :id
             ORDER BY v.subject, v.version
            """)
        .param("id", id)
        .query(SubjectVersion.class)
        .list();
  }

  Optional<String> schemaText(int id) {
    return jdbc.sql("SELECT canonical_schema FROM schema_registry_schemas WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .optional();
  }

  /**
   * The id of this schema, inserting it if new. A concurrent insert of the same schema waits on the
   * unique fingerprint and then finds the other's row, so both get the same id.
   */
  int schemaId(CanonicalSchema schema) {
    jdbc.sql(
            """
            INSERT INTO schema_registry_schemas (fingerprint, canonical_schema)
            VALUES (:fingerprint, :text)
            ON CONFLICT (fingerprint) DO NOTHING
            """)
        .param("fingerprint", schema.fingerprint())
        .param("text", schema.text())
        .update();
    return jdbc.sql("SELECT id FROM schema_registry_schemas WHERE fingerprint = :fingerprint")
        .param("fingerprint", schema.fingerprint())
        .query(Integer.class)
        .single();
  }

  /** Adds the schema as the subject's next version; the caller holds the subject's lock. */
  int addVersion(String subject, int schemaId) {
    return jdbc.sql(
            """
            INSERT INTO schema_registry_subject_versions (subject, version, schema_id)
            SELECT :subject, COALESCE(MAX(version), 0) + 1, :schemaId
              FROM schema_registry_subject_versions
             WHERE subject = :subject
            RETURNING version
            """)
        .param("subject", subject)
        .param("schemaId", schemaId)
        .query(Integer.class)
        .single();
  }

  Optional<CompatibilityLevel> globalCompatibility() {
    return subjectCompatibility(GLOBAL);
  }

  Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    return jdbc.sql("SELECT compatibility FROM schema_registry_config WHERE subject = :subject")
        .param("subject", subject)
        .query(String.class)
        .optional()
        .map(CompatibilityLevel::valueOf);
  }

  void setGlobalCompatibility(CompatibilityLevel level) {
    setSubjectCompatibility(GLOBAL, level);
  }

  void setSubjectCompatibility(String subject, CompatibilityLevel level) {
    jdbc.sql(
            """
            INSERT INTO schema_registry_config (subject, compatibility)
            VALUES (:subject, :level)
            ON CONFLICT (subject) DO UPDATE
               SET compatibility = EXCLUDED.compatibility, updated_at = now()
            """)
        .param("subject", subject)
        .param("level", level.name())
        .update();
  }

  /** One version of a subject. */
  record SubjectVersion(String subject, int version, int schemaId, String canonicalSchema) {}
}
