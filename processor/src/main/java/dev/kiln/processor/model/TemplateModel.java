package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * One jte template as its precompiled class shows it: the template's file, the method
 * {@code <App>Templates} gives it, and the parameters its generated {@code render} takes after
 * jte's own two.
 */
public record TemplateModel(String file, ClassName generated, String method, List<Parameter> parameters) {
  public TemplateModel {
    parameters = List.copyOf(parameters);
  }

  /** A template parameter: its type and name, as the template declares them. */
  public record Parameter(TypeName type, String name) {}
}
