package dev.kiln.jdbi;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The house rule of no reflection holds for kiln-jdbi's own code (Jdbi's and Flyway's insides are
 * theirs; docs/jdbi.md says which of their features reflect) and for the generated row mappers,
 * which RowMapperTest checks with this rule.
 */
class NoReflectionTest {
  static final ArchRule NO_REFLECTION = noClasses()
      .should().dependOnClassesThat(resideInAPackage("java.lang.reflect.."))
      .orShould().dependOnClassesThat(assignableTo(ServiceLoader.class))
      .orShould().callMethodWhere(target(owner(assignableTo(Class.class)))
          .and(target(nameMatching("forName|newInstance|getDeclared.*|getMethod.*|getField.*|getConstructor.*"))))
      .because("Kiln decides at compile time what others look up by reflection");

  @Test
  void kilnJdbiUsesNoReflection() {
    JavaClasses module = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.kiln.jdbi");
    org.assertj.core.api.Assertions.assertThat(module.contain(Database.class)).isTrue();
    NO_REFLECTION.check(module);
  }
}
