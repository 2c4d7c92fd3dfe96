package io.setsync.worker.artist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArtistWorkerArchitectureTests {

  private static final JavaClasses WORKER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("io.setsync.worker.artist");

  @Test
  void dependsOnNoOtherWorker() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.setsync.worker.show..", "io.setsync.worker.venue..", "io.setsync.api..")
        .check(WORKER);
  }

  @Test
  void leavesAvroAndKafkaToTheRuntime() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.setsync.events..", "io.setsync.worker.runtime.internal..", "org.apache.kafka..")
        .check(WORKER);
  }
}
