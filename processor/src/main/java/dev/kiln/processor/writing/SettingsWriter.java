package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.processor.model.SettingsModel;
import dev.kiln.processor.model.SettingsModel.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Name>Values}: the immutable implementation of a {@code @Settings} interface, its
 * {@code SETTINGS} list (names, flags, variables, defaults, descriptions), {@code load} from a
 * settings source, {@code fromCommandLine}, {@code describe()} and a {@code toString()} that masks
 * secrets.
 */
public final class SettingsWriter {
  private static final String SETTINGS_PACKAGE = "dev.kiln.settings";
  private static final ClassName SETTING = ClassName.get(SETTINGS_PACKAGE, "Setting");
  private static final ClassName SOURCE = ClassName.get(SETTINGS_PACKAGE, "SettingsSource");
  private static final ClassName LOADER = ClassName.get(SETTINGS_PACKAGE, "SettingsLoader");
  private static final ClassName EXCEPTION = ClassName.get(SETTINGS_PACKAGE, "SettingsException");
  private static final ClassName COMMAND_LINE = ClassName.get(SETTINGS_PACKAGE, "CommandLine");
  private static final ClassName DESCRIPTION = ClassName.get(SETTINGS_PACKAGE, "SettingsDescription");

  private SettingsWriter() {}

  public static JavaFile write(SettingsModel model) {
    ClassName values = model.values();
    TypeName stringList = ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class));
    TypeSpec.Builder type = TypeSpec.classBuilder(values)
        .addJavadoc("Immutable {@link $T}, loaded from (in order of precedence) the command line, system properties,\n"
            + "environment variables, a properties file and the defaults.\n", model.type())
        .addAnnotation(GeneratedCode.generated(model.type().canonicalName()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(model.type());

    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n$>$>", List.class);
    for (int i = 0; i < model.settings().size(); i++) {
      SettingsModel.Entry entry = model.settings().get(i);
      CodeBlock bounds = entry.bounded()
          ? CodeBlock.of(", $L, $L", bound(entry.min()), bound(entry.max()))
          : CodeBlock.of("");
      list.add("new $T($S, $S, $S, $S, $S, $S, $L, $L, $S$L)$L\n", SETTING, entry.name(), entry.flag(), entry.property(),
          entry.environment(), entry.typeLabel(), entry.defaultValue(), entry.optional(), entry.secret(), entry.doc(),
          bounds, i < model.settings().size() - 1 ? "," : "");
    }
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), SETTING), "SETTINGS",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Every setting, in declaration order (inherited ones first).\n")
        .initializer(list.add("$<$<)").build())
        .build());

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addParameter(LOADER, "loader");
    for (int i = 0; i < model.settings().size(); i++) {
      SettingsModel.Entry entry = model.settings().get(i);
      type.addField(entry.type(), entry.name(), Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$N = $L", entry.name(), read(entry, i));
      type.addMethod(MethodSpec.methodBuilder(entry.name())
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(entry.type())
          .addStatement("return $N", entry.name())
          .build());
    }
    type.addField(stringList, "sources", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(stringList, "written", Modifier.PRIVATE, Modifier.FINAL);
    constructor.addStatement("loader.finish()").addStatement("this.sources = loader.sources()")
        .addStatement("this.written = loader.written()");
    type.addMethod(constructor.build());

    type.addMethod(MethodSpec.methodBuilder("load")
        .addJavadoc("Loads every setting from {@code source}.\n\n@throws $T listing every missing or invalid setting\n",
            EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(values)
        .addParameter(SOURCE, "source")
        .addStatement("return new $T(new $T(source, SETTINGS))", values, LOADER)
        .build());
    type.addMethod(MethodSpec.methodBuilder("load")
        .addJavadoc("Loads every setting from system properties, the environment and the properties file.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(values)
        .addStatement("return load($T.standard())", SOURCE)
        .build());
    type.addMethod(MethodSpec.methodBuilder("fromCommandLine")
        .addJavadoc("Loads every setting with the command line's flags first: answers {@code --help} and\n"
            + "{@code --print-settings}, and exits with 2 on an unknown flag or invalid settings.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(values)
        .addParameter(String.class, "command")
        .addParameter(String[].class, "args")
        .addStatement("return $T.load(command, args, SETTINGS, overrides -> load($T.standard().overrides(overrides)), "
            + "$T::describe)", COMMAND_LINE, SOURCE, values)
        .build());

    List<CodeBlock> texts = new ArrayList<>();
    for (int i = 0; i < model.settings().size(); i++) {
      texts.add(text(model.settings().get(i), i));
    }
    type.addMethod(MethodSpec.methodBuilder("describe")
        .addJavadoc("Every setting with its value (secrets masked) and where the value came from.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $T.describe(SETTINGS, texts(), sources)", DESCRIPTION)
        .build());
    type.addMethod(MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $T.toString($S, SETTINGS, texts())", DESCRIPTION, model.type().simpleName())
        .build());
    type.addMethod(MethodSpec.methodBuilder("texts")
        .addModifiers(Modifier.PRIVATE)
        .returns(stringList)
        .addStatement("return $T.asList(\n$>$>$L$<$<)", Arrays.class, CodeBlock.join(texts, ",\n"))
        .build());
    return JavaFile.builder(values.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  private static CodeBlock read(SettingsModel.Entry entry, int index) {
    boolean boxed = entry.optional() || !entry.type().isPrimitive();
    CodeBlock call = entry.kind() == Kind.ENUM
        ? CodeBlock.of("loader.toEnum($L, $T.values())", index, entry.valueType())
        : CodeBlock.of("loader.$L($L)", entry.kind().loader(boxed), index);
    return entry.optional() ? CodeBlock.of("$T.ofNullable($L)", Optional.class, call) : call;
  }

  /** The value as {@code describe()} shows it; {@code null} when unset. */
  private static CodeBlock text(SettingsModel.Entry entry, int index) {
    if (entry.kind() == Kind.DURATION) {
      return CodeBlock.of("written.get($L)", index); // as written: 60s, not PT1M
    }
    if (entry.optional()) {
      return CodeBlock.of("$N.map($T::valueOf).orElse(null)", entry.name(), String.class);
    }
    if (entry.kind() == Kind.LIST) {
      return CodeBlock.of("$T.join($S, $N)", String.class, ",", entry.name());
    }
    return entry.type().isPrimitive() ? CodeBlock.of("$T.valueOf($N)", String.class, entry.name())
        : CodeBlock.of("$T.toString($N, null)", Objects.class, entry.name());
  }

  private static String bound(Long value) {
    return value == null ? "null" : value + "L";
  }
}
