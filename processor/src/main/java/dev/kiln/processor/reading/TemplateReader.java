package dev.kiln.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.model.TemplateModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Recognises the classes jte's Maven plugin generates from {@code src/main/jte} (compiled with the
 * app) and reads each into a {@link TemplateModel}: its {@code JTE_NAME} and the parameters of its
 * static {@code render(HtmlTemplateOutput, HtmlInterceptor, ...)}.
 */
public final class TemplateReader {
  /** Where jte puts precompiled templates unless its {@code packageName} says otherwise. */
  public static final String PACKAGE = "gg.jte.generated.precompiled";
  private static final String OUTPUT = "gg.jte.html.HtmlTemplateOutput";
  private static final String CONTENT = "gg.jte.Content";

  private TemplateReader() {}

  /**
   * The template {@code type} was generated from, or {@code null} when it is no jte template of
   * HTML, or one that takes {@code Content} (a layout or a part, which other templates call).
   */
  public static TemplateModel read(TypeElement type) {
    ClassName name = ClassName.get(type);
    if (!(name.packageName().equals(PACKAGE) || name.packageName().startsWith(PACKAGE + "."))
        || name.simpleNames().size() != 1) {
      return null;
    }
    String file = jteName(type);
    ExecutableElement render = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals("render") && m.getModifiers().contains(Modifier.STATIC))
        .filter(m -> m.getParameters().size() >= 2 && m.getParameters().get(0).asType().toString().equals(OUTPUT))
        .findFirst().orElse(null);
    if (file == null || render == null) {
      return null;
    }
    List<TemplateModel.Parameter> parameters = new ArrayList<>();
    for (VariableElement parameter : render.getParameters().subList(2, render.getParameters().size())) {
      if (parameter.asType().toString().equals(CONTENT)) {
        return null;
      }
      parameters.add(new TemplateModel.Parameter(TypeName.get(parameter.asType()), parameter.getSimpleName().toString()));
    }
    return new TemplateModel(file, name, methodName(file), parameters);
  }

  private static String jteName(TypeElement type) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals("JTE_NAME") && field.getConstantValue() instanceof String value) {
        return value;
      }
    }
    return null;
  }

  /** {@code user/profile-card.jte} as {@code userProfileCard}; a keyword gets {@code Page} after it. */
  static String methodName(String file) {
    String stem = file.endsWith(".jte") ? file.substring(0, file.length() - 4) : file;
    StringBuilder method = new StringBuilder();
    boolean upper = false;
    for (char c : stem.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        method.append(upper && method.length() > 0 ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    String name = method.length() == 0 ? "page" : method.toString();
    if (Character.isDigit(name.charAt(0))) {
      name = "page" + name;
    }
    name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
    return SourceVersion.isKeyword(name.toLowerCase(Locale.ROOT)) || SourceVersion.isKeyword(name) ? name + "Page" : name;
  }
}
