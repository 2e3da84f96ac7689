package dev.kiln.processor;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kiln's rule of the house: no reflection, {@code Class.forName} or {@code ServiceLoader} on its
 * startup or request path. Checked on the bytecode of the runtime and of generated code.
 */
class NoReflectionTest {
  private static final ArchRule NO_REFLECTION = noClasses()
      .should().dependOnClassesThat(resideInAPackage("java.lang.reflect.."))
      .orShould().dependOnClassesThat(assignableTo(ServiceLoader.class))
      .orShould().callMethodWhere(target(owner(assignableTo(Class.class)))
          .and(target(nameMatching("forName|newInstance|getDeclared.*|getMethod.*|getField.*|getConstructor.*"))))
      .because("Kiln decides everything at compile time; reflection on the request path is what it exists to avoid");

  @Test
  void generatedCodeUsesNoReflection(@TempDir Path classes) {
    Compilations.writeClasses(Compilations.compile(Fixtures.APP, Fixtures.CATALOG, Fixtures.FIXTURE), classes);
    JavaClasses generated = new ClassFileImporter().importPath(classes);
    NO_REFLECTION.check(generated);
  }

  @Test
  void runtimeUsesNoReflection() {
    JavaClasses runtime = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/dev/kiln/processor/"))
        // Development reload creates the app's entry point from a fresh class loader: a dev tool, never
        // on a served application's startup or request path.
        .withImportOption(location -> !location.contains("/dev/kiln/reload/"))
        .importPackages("dev.kiln");
    org.assertj.core.api.Assertions.assertThat(runtime.contain("dev.kiln.Request")).isTrue();
    NO_REFLECTION.check(runtime);
  }

  @Test
  void theRuleCatchesReflection(@TempDir Path classes) {
    Compilations.writeClasses(Compilations.compile(Compilations.source("""
        package bad;
        public final class Sneaky {
          public Object make() throws Exception { return Class.forName("bad.Sneaky").getDeclaredConstructor().newInstance(); }
        }
        """)), classes);
    JavaClasses sneaky = new ClassFileImporter().importPath(classes);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NO_REFLECTION.check(sneaky))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Class.forName");
  }
}
