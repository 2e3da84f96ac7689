package dev.kiln.sample;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The code Maven generated for the sample app, and the app itself, use no reflection. */
class GeneratedCodeTest {
  @Test
  void noReflectionInTheApplicationOrItsGeneratedCode() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.kiln.sample", "dev.kiln.aggregated");
    org.assertj.core.api.Assertions.assertThat(classes.contain("dev.kiln.sample.SampleAppRoutes")).isTrue();
    noClasses().should().dependOnClassesThat().resideInAPackage("java.lang.reflect..")
        .orShould().dependOnClassesThat().areAssignableTo(java.util.ServiceLoader.class)
        .orShould().callMethod(Class.class, "forName", String.class)
        .check(classes);
  }
}
