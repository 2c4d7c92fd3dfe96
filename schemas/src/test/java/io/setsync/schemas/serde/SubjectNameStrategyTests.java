package io.setsync.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.setsync.events.SyncCompleted;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTests {

  private final Schema completed = SyncCompleted.getClassSchema();

  @Test
  void namesSubjectsAsConfluentDoes() {
    assertThat(SubjectNameStrategy.TOPIC_RECORD_NAME.subject("sync.outcomes", false, completed))
        .isEqualTo("sync.outcomes-io.setsync.events.SyncCompleted");
    assertThat(SubjectNameStrategy.TOPIC_NAME.subject("sync.outcomes", false, completed))
        .isEqualTo("sync.outcomes-value");
    assertThat(SubjectNameStrategy.TOPIC_NAME.subject("sync.outcomes", true, completed))
        .isEqualTo("sync.outcomes-key");
    assertThat(SubjectNameStrategy.RECORD_NAME.subject("sync.outcomes", false, completed))
        .isEqualTo("io.setsync.events.SyncCompleted");
  }

  @Test
  void parsesConfluentClassNamesAndShortNames() {
    assertThat(
            SubjectNameStrategy.parse(
                "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))
        .isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
    assertThat(SubjectNameStrategy.parse("TopicNameStrategy"))
        .isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    assertThat(SubjectNameStrategy.parse("RECORD_NAME")).isEqualTo(SubjectNameStrategy.RECORD_NAME);
  }

  @Test
  void valuesDefaultToTopicRecordNaming() {
    assertThat(AvroSerdeConfig.subjectNameStrategy(Map.of(), false))
        .isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
    assertThat(AvroSerdeConfig.subjectNameStrategy(Map.of(), true))
        .isEqualTo(SubjectNameStrategy.TOPIC_NAME);
  }

  @Test
  void unknownStrategyIsAConfigError() {
    assertThatThrownBy(
            () ->
                AvroSerdeConfig.subjectNameStrategy(
                    Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "Whatever"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Whatever");
  }
}
