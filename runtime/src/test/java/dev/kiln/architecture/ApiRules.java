package dev.kiln.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Kiln's two rules on the shape of its packages, for any root package (Kiln's own, or a fixture
 * that breaks them on purpose): no package depends on itself through others, and nothing a user can
 * reach from a public package names an internal or a Netty type.
 */
final class ApiRules {
  private ApiRules() {}

  /** Every package under {@code root}, the root itself included, is one slice; slices form no cycle. */
  static ArchRule noPackageCycles(String root) {
    return SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        return pkg.equals(root) || pkg.startsWith(root + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "packages of " + root;
      }
    }).should().beFreeOfCycles();
  }

  /**
   * Public and protected members, supertypes and the types of public classes in public packages
   * (those without an {@code internal} segment) under {@code root} name no type of an internal
   * package and none of Netty's.
   */
  static ArchRule publicApiNamesNoInternalType(String root) {
    DescribedPredicate<JavaClass> publicApi = new DescribedPredicate<>("public classes of public packages under " + root) {
      @Override
      public boolean test(JavaClass c) {
        String pkg = c.getPackageName();
        return (pkg.equals(root) || pkg.startsWith(root + ".")) && !isInternal(c.getName())
            && c.getModifiers().contains(JavaModifier.PUBLIC) && isReachable(c);
      }
    };
    return ArchRuleDefinition.classes().that(publicApi)
        .should(new ArchCondition<JavaClass>("name no internal or Netty type in their public signatures") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            for (String problem : problems(c)) {
              events.add(SimpleConditionEvent.violated(c, problem));
            }
          }
        });
  }

  private static boolean isReachable(JavaClass c) {
    for (JavaClass outer = c; outer != null; outer = outer.getEnclosingClass().orElse(null)) {
      if (!outer.getModifiers().contains(JavaModifier.PUBLIC) && !outer.getModifiers().contains(JavaModifier.PROTECTED)) {
        return false;
      }
    }
    return !c.isAnonymousClass() && !c.isLocalClass();
  }

  private static boolean isInternal(String typeName) {
    return typeName.contains(".internal.") || typeName.startsWith("io.netty.");
  }

  private static List<String> problems(JavaClass c) {
    List<String> problems = new ArrayList<>();
    c.getRawSuperclass().ifPresent(superclass -> check(problems, c.getName() + " extends", superclass.toErasure()));
    for (JavaClass implemented : c.getRawInterfaces()) {
      check(problems, c.getName() + " implements", implemented);
    }
    for (JavaMember member : members(c)) {
      Set<JavaModifier> modifiers = member.getModifiers();
      if (!modifiers.contains(JavaModifier.PUBLIC) && !modifiers.contains(JavaModifier.PROTECTED)) {
        continue;
      }
      if (member instanceof JavaField field) {
        check(problems, field.getFullName(), field.getType());
      } else if (member instanceof JavaCodeUnit code) {
        check(problems, code.getFullName() + " returns", code.getReturnType());
        for (JavaType parameter : code.getParameterTypes()) {
          check(problems, code.getFullName() + " takes", parameter);
        }
        for (JavaClass thrown : code.getThrowsClause().getTypes()) {
          check(problems, code.getFullName() + " throws", thrown);
        }
      }
    }
    return problems;
  }

  private static List<JavaMember> members(JavaClass c) {
    List<JavaMember> members = new ArrayList<>();
    members.addAll(c.getFields());
    members.addAll(c.getCodeUnits());
    return members;
  }

  /** {@code type}, and every type it is made of (array components, type arguments, bounds). */
  private static void check(List<String> problems, String where, JavaType type) {
    for (JavaClass named : type.getAllInvolvedRawTypes()) {
      if (isInternal(named.getName())) {
        problems.add(where + " " + named.getName());
      }
    }
  }
}
