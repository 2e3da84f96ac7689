package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>Assets}: one constant per static file the build copied to the class path
 * ({@code CSS_SITE_CSS = "css/site.css"}), for {@code StaticFiles.url}. A link to a file that was
 * deleted or renamed names a constant that is gone: a compile error where it is used.
 */
public final class AssetsWriter {
  private AssetsWriter() {}

  public static JavaFile write(ClassName application, String folder, List<String> files) {
    ClassName name = ClassName.get(application.packageName(), application.simpleName() + "Assets");
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addJavadoc("The static files of {@link $T} (class-path folder {@code $L}), one constant each: link them with\n"
            + "{@code files.url($T.CSS_SITE_CSS)}, and a file deleted or renamed is a compile error where it was linked.\n",
            application, folder, name)
        .addAnnotation(GeneratedCode.generated(application.canonicalName()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    Set<String> taken = new HashSet<>();
    for (String file : files.stream().sorted().toList()) {
      String constant = constant(file);
      for (int n = 2; !taken.add(constant); n++) {
        constant = constant(file) + "_" + n;
      }
      type.addField(FieldSpec.builder(String.class, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .initializer("$S", file)
          .build());
    }
    return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  /** {@code css/site.css} as {@code CSS_SITE_CSS}; a leading digit gets an underscore before it. */
  static String constant(String file) {
    String constant = file.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
    return constant.isEmpty() || Character.isDigit(constant.charAt(0)) ? "_" + constant : constant;
  }
}
