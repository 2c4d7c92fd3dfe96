package io.setsync.worker.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class RuntimeArchitectureTests {

  private static final JavaClasses RUNTIME =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("io.setsync.worker.runtime");

  @Test
  void theHandlerApiKnowsNeitherAvroNorTheInternals() {
    noClasses()
        .that()
        .resideInAPackage("io.setsync.worker.runtime")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.setsync.events..", "io.setsync.worker.runtime.internal..", "org.apache.kafka..")
        .check(RUNTIME);
  }

  @Test
  void avroStaysAtTheKafkaEdge() {
    // Mapping in (Deliveries, EventMapping), events out (OutcomePublisher), topic names
    // (WorkerTopics).
    noClasses()
        .that()
        .haveNameNotMatching(
            "io\\.setsync\\.worker\\.runtime\\.internal\\."
                + "(EventMapping|OutcomePublisher|Deliveries|WorkerTopics)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.setsync.events..")
        .check(RUNTIME);
  }
}
