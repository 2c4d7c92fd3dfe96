package io.setsync.api;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.setsync.api.outbox.Outbox;

/** Avro stays at the Kafka edge; the web and persistence features see domain records only. */
@AnalyzeClasses(packages = "io.setsync.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule avroOnlyAtTheKafkaEdge =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.setsync.api.request..",
              "io.setsync.api.status..",
              "io.setsync.api.security..",
              "io.setsync.api.problem..",
              "io.setsync.api.sync..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.setsync.events..", "org.apache.avro..", "org.apache.kafka..");

  // The projector's sweeper publishes the SyncFailed of a timed-out job through the Outbox, the
  // outbox's one public door; nothing else of the request side.
  @ArchTest
  static final ArchRule theProjectorAndTheApiDoNotReachIntoEachOther =
      noClasses()
          .that()
          .resideInAnyPackage("io.setsync.api.projector..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage("io.setsync.api.request..", "io.setsync.api.outbox..")
                  .and(not(equivalentTo(Outbox.class))));

  @ArchTest
  static final ArchRule theSqlOfRequestsStaysInTheirFeature =
      noClasses()
          .that()
          .resideInAnyPackage("io.setsync.api.status..", "io.setsync.api.security..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.setsync.api.request..", "io.setsync.api.projector..");
}
