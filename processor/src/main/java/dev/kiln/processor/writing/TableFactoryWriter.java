package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Writes how an application makes its {@code <App>Routes}: {@code builder()}, whose {@code Builder}
 * has one setter per handler, middleware and interceptor instance, named after its class, and
 * {@code create()} where the table can make every instance itself. An instance whose class has an
 * accessible no-argument constructor is made with it unless the application sets its own; a missing
 * one is an {@link IllegalStateException} at {@code build()} that names every setter still to call.
 */
final class TableFactoryWriter {
  /**
   * One instance the table's routes call.
   *
   * @param name the table constructor's parameter
   * @param setter the builder's setter, and its field
   * @param constructible whether the table can make it with {@code new Type()}
   * @param role what the instance does, for the setter's Javadoc
   */
  record Instance(ClassName type, String name, String setter, boolean constructible, CodeBlock role) {}

  private final ClassName routes;
  private final ClassName builder;
  private final List<Instance> instances;

  private TableFactoryWriter(ClassName routes, List<Instance> instances) {
    this.routes = routes;
    this.builder = routes.nestedClass("Builder");
    this.instances = instances;
  }

  /** {@code create()} and {@code builder()} as they apply, then the {@code Builder} class (if any) last. */
  static void addTo(TypeSpec.Builder type, ClassName routes, List<Instance> instances) {
    new TableFactoryWriter(routes, instances).add(type);
  }

  /** How the class Javadoc tells the application to make the table. */
  static String howToMake(List<Instance> instances) {
    if (instances.isEmpty()) {
      return "{@link #create()}";
    }
    return instances.stream().allMatch(Instance::constructible) ? "{@link #create()} or {@link #builder()}"
        : "{@link #builder()}";
  }

  /**
   * Setter names for {@code types}: the class's simple name in lower camel case, with its enclosing
   * classes and then its package's last segment when two would otherwise share a name.
   */
  static List<String> setterNames(List<ClassName> types) {
    Map<String, Integer> simple = new HashMap<>();
    Map<String, Integer> nested = new HashMap<>();
    for (ClassName type : types) {
      simple.merge(type.simpleName(), 1, Integer::sum);
      nested.merge(String.join("_", type.simpleNames()), 1, Integer::sum);
    }
    NameAllocator names = new NameAllocator();
    names.newName("build");
    List<String> setters = new ArrayList<>();
    for (ClassName type : types) {
      String nestedName = String.join("_", type.simpleNames());
      String base = simple.get(type.simpleName()) == 1 ? type.simpleName()
          : nested.get(nestedName) == 1 ? nestedName
          : lastSegment(type.packageName()) + "_" + nestedName;
      setters.add(names.newName(GeneratedCode.lowerCamel(base)));
    }
    return setters;
  }

  private static String lastSegment(String packageName) {
    return packageName.substring(packageName.lastIndexOf('.') + 1);
  }

  /**
   * Whether code in {@code appPackage} can make the class with {@code new Type()}: a concrete top-level
   * or static nested class with a no-argument constructor it can call, declaring no checked exception.
   */
  static boolean constructible(TypeElement type, String appPackage) {
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD
        || type.getModifiers().contains(Modifier.ABSTRACT)
        || type.getNestingKind() != NestingKind.TOP_LEVEL && !type.getModifiers().contains(Modifier.STATIC)) {
      return false;
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() && constructor.getThrownTypes().isEmpty()) {
        return constructor.getModifiers().contains(Modifier.PUBLIC)
            || !constructor.getModifiers().contains(Modifier.PRIVATE) && ClassName.get(type).packageName().equals(appPackage);
      }
    }
    return false;
  }

  private void add(TypeSpec.Builder type) {
    if (instances.isEmpty()) {
      type.addMethod(MethodSpec.methodBuilder("create")
          .addJavadoc("Creates the table; every handler method is static, so it needs no instances.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(routes)
          .addStatement("return new $T()", routes)
          .build());
      return;
    }
    if (instances.stream().allMatch(Instance::constructible)) {
      type.addMethod(MethodSpec.methodBuilder("create")
          .addJavadoc("Creates the table with instances it makes itself: {@code builder().build()}.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(routes)
          .addStatement("return builder().build()")
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("builder")
        .addJavadoc("Starts a table: set the handler, middleware and interceptor instances its routes call, then\n"
            + "{@link $T#build()}.\n", builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builder)
        .addStatement("return new $T()", builder)
        .build());
    type.addType(builderType());
  }

  private TypeSpec builderType() {
    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addJavadoc("The instances a {@link $T} calls, each set by name.\n", routes)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Instance instance : instances) {
      type.addField(FieldSpec.builder(instance.type(), instance.setter(), Modifier.PRIVATE).build());
    }
    for (Instance instance : instances) {
      MethodSpec.Builder setter = MethodSpec.methodBuilder(instance.setter())
          .addModifiers(Modifier.PUBLIC)
          .returns(builder)
          .addParameter(instance.type(), instance.setter())
          .addJavadoc("$L\n", instance.role());
      if (instance.constructible()) {
        setter.addJavadoc("\n<p>Optional: without it the table makes one with {@code new $T()}.\n", instance.type());
      }
      type.addMethod(setter
          .addStatement("this.$N = $T.requireNonNull($N, $S)", instance.setter(), Objects.class, instance.setter(),
              instance.setter())
          .addStatement("return this")
          .build());
    }
    return type.addMethod(build()).build();
  }

  private MethodSpec build() {
    MethodSpec.Builder build = MethodSpec.methodBuilder("build")
        .addJavadoc("The table, with the instances set and those it makes itself.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(routes);
    List<Instance> required = instances.stream().filter(i -> !i.constructible()).toList();
    if (!required.isEmpty()) {
      build.addJavadoc("\n@throws IllegalStateException naming each instance that was not set and that the table\n"
          + "    cannot make\n");
      build.addStatement("$T<$T> missing = new $T<>()", List.class, String.class, ArrayList.class);
      for (Instance instance : required) {
        build.beginControlFlow("if ($N == null)", instance.setter())
            .addStatement("missing.add($S)", instance.setter() + "(" + instance.type().simpleName() + ")")
            .endControlFlow();
      }
      build.beginControlFlow("if (!missing.isEmpty())")
          .addStatement("throw new $T($S + $T.join($S, missing) + $S)", IllegalStateException.class,
              routes.simpleName() + ".builder() needs ", String.class, ", ", " before build()")
          .endControlFlow();
    }
    CodeBlock arguments = instances.stream()
        .map(i -> i.constructible()
            ? CodeBlock.of("$N != null ? $N : new $T()", i.setter(), i.setter(), i.type())
            : CodeBlock.of("$N", i.setter()))
        .collect(CodeBlock.joining(",\n"));
    return build.addStatement("return new $T(\n$L)", routes, arguments).build();
  }
}
