package dev.kiln.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The runtime's packages: the public API ({@code dev.kiln}, {@code dev.kiln.server}, {@code
 * dev.kiln.middleware}, ...) names no type of {@code dev.kiln.internal.*} or of Netty, and no
 * package depends on itself through others. The rules are shown to fail on a fixture that breaks
 * them, so a pass means something.
 */
class PackageStructureTest {
  private static final JavaClasses KILN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.kiln");
  private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("dev.kiln.archfixture");

  @Test
  void thePublicApiNamesNoInternalOrNettyType() {
    ApiRules.publicApiNamesNoInternalType("dev.kiln").check(KILN);
  }

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    ApiRules.noPackageCycles("dev.kiln").check(KILN);
  }

  @Test
  void thePublicApiRuleCatchesAMethodThatReturnsAnInternalType() {
    EvaluationResult result = ApiRules.publicApiNamesNoInternalType("dev.kiln.archfixture").evaluate(FIXTURE);
    assertThat(result.hasViolation()).isTrue();
    assertThat(String.join("\n", result.getFailureReport().getDetails()))
        .contains("Leaky.leak() returns dev.kiln.archfixture.internal.Hidden")
        .contains("Leaky.take(java.util.List) takes dev.kiln.archfixture.internal.Hidden")
        .doesNotContain("Leaky.keep(");
  }

  @Test
  void theCycleRuleCatchesTwoPackagesThatUseEachOther() {
    EvaluationResult result = ApiRules.noPackageCycles("dev.kiln.archfixture").evaluate(FIXTURE);
    assertThat(result.hasViolation()).isTrue();
    assertThat(String.join("\n", result.getFailureReport().getDetails()))
        .contains("dev.kiln.archfixture.a").contains("dev.kiln.archfixture.b");
  }
}
