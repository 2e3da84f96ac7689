package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.model.TemplateModel;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>Templates}: one static method per jte template, taking the template's
 * parameters by type, rendering into a buffer and answering {@code text/html}. A template that
 * throws leaves nothing half-sent: the error becomes the app's 500 page. The calls go straight to
 * jte's generated classes, with no template engine, lookup or reflection at run time.
 */
public final class TemplatesWriter {
  private static final ClassName STRING_OUTPUT = ClassName.get("gg.jte.output", "StringOutput");
  private static final ClassName HTML_OUTPUT = ClassName.get("gg.jte.html", "OwaspHtmlTemplateOutput");
  /** kiln-jte's development reload, which the methods defer to when it is on and kiln-jte is on the class path. */
  public static final ClassName RELOAD = ClassName.get("dev.kiln.jte", "TemplateReload");
  /** Where each render's time goes, for the debug toolbar's templates panel (kept only while it records). */
  private static final ClassName TEMPLATE_LOG = ClassName.get("dev.kiln.internal.http", "TemplateLog");

  private TemplatesWriter() {}

  /** @param reload whether kiln-jte is on the class path, so the methods render from the source folder when reload is on */
  public static JavaFile write(ClassName application, List<TemplateModel> templates, boolean reload) {
    ClassName name = ClassName.get(application.packageName(), application.simpleName() + "Templates");
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addJavadoc("The jte templates of {@link $T}, one typed method each: a template's parameters changed, or\n"
            + "a call with the wrong types, is a compile error. Layouts and parts (templates taking\n"
            + "{@code Content}) are for other templates and have no method.\n", application)
        .addAnnotation(GeneratedCode.generated(application.canonicalName()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    templates.stream().sorted(Comparator.comparing(TemplateModel::method))
        .forEach(template -> type.addMethod(method(template, reload)));
    return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  private static MethodSpec method(TemplateModel template, boolean reload) {
    String buffer = template.parameters().stream().anyMatch(p -> p.name().equals("page")) ? "page$" : "page";
    String started = template.parameters().stream().anyMatch(p -> p.name().equals("started")) ? "started$" : "started";
    String reloaded = template.parameters().stream().anyMatch(p -> p.name().equals("reloaded")) ? "reloaded$" : "reloaded";
    MethodSpec.Builder method = MethodSpec.methodBuilder(template.method())
        .addJavadoc("{@code $L}, rendered.\n", template.file())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(KilnNames.RESPONSE);
    CodeBlock.Builder arguments = CodeBlock.builder().add("new $T($N), null", HTML_OUTPUT, buffer);
    for (TemplateModel.Parameter parameter : template.parameters()) {
      method.addParameter(parameter.type(), parameter.name());
      arguments.add(", $N", parameter.name());
    }
    method.addStatement("long $N = $T.nanoTime()", started, System.class);
    if (reload) {
      CodeBlock.Builder named = CodeBlock.builder().add("$S", template.file());
      for (TemplateModel.Parameter parameter : template.parameters()) {
        named.add(", $S, $N", parameter.name(), parameter.name());
      }
      method.beginControlFlow("if ($T.enabled())", RELOAD)
          .addStatement("$T $N = $T.render($L)", KilnNames.RESPONSE, reloaded, RELOAD, named.build())
          .addStatement("$T.rendered($S, $N)", TEMPLATE_LOG, template.file(), started)
          .addStatement("return $N", reloaded)
          .endControlFlow();
    }
    return method
        .addStatement("$T $N = new $T()", STRING_OUTPUT, buffer, STRING_OUTPUT)
        .addStatement("$T.render($L)", template.generated(), arguments.build())
        .addStatement("$T.rendered($S, $N)", TEMPLATE_LOG, template.file(), started)
        .addStatement("return $T.html($N.toString())", KilnNames.RESPONSE, buffer)
        .build();
  }
}
