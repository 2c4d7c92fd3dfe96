package io.setsync.worker.show;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "io.setsync.worker.show",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule workersDoNotDependOnEachOther =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.setsync.worker.venue..", "io.setsync.worker.artist..");

  @ArchTest
  static final ArchRule avroOnlyAtTheKafkaEdge =
      noClasses()
          .that()
          .haveSimpleNameNotEndingWith("Listener")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.setsync.events..");

  @ArchTest
  static final ArchRule onlyTheRuntimesApi =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.setsync.worker.runtime.internal..");
}
