package dev.kiln.processor.reading;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/** Reads annotation mirrors by name, keeping the values so diagnostics can point at them. */
public final class Annotations {
  private final Elements elements;

  public Annotations(Elements elements) {
    this.elements = elements;
  }

  /** The annotation of this type on {@code element}, or {@code null}. */
  public static AnnotationMirror find(Element element, String annotationType) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationType)) {
        return mirror;
      }
    }
    return null;
  }

  /** The value as written, or {@code null} when the attribute takes its default. */
  public static AnnotationValue explicit(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The value, defaults included. */
  public AnnotationValue value(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + attribute + " on " + mirror);
  }

  public String string(AnnotationMirror mirror, String attribute) {
    return (String) value(mirror, attribute).getValue();
  }

  public boolean bool(AnnotationMirror mirror, String attribute) {
    return (Boolean) value(mirror, attribute).getValue();
  }

  public int integer(AnnotationMirror mirror, String attribute) {
    return ((Number) value(mirror, attribute).getValue()).intValue();
  }

  public long longValue(AnnotationMirror mirror, String attribute) {
    return ((Number) value(mirror, attribute).getValue()).longValue();
  }

  /** The values of an array attribute. */
  @SuppressWarnings("unchecked")
  public List<? extends AnnotationValue> values(AnnotationMirror mirror, String attribute) {
    Object value = value(mirror, attribute).getValue();
    return value instanceof List<?> list ? (List<? extends AnnotationValue>) list : List.of(value(mirror, attribute));
  }

  /** The strings of a {@code String[]} attribute. */
  public List<String> strings(AnnotationMirror mirror, String attribute) {
    return values(mirror, attribute).stream().map(v -> (String) v.getValue()).toList();
  }

  /** An enum constant's name. */
  public String enumName(AnnotationMirror mirror, String attribute) {
    return ((VariableElement) value(mirror, attribute).getValue()).getSimpleName().toString();
  }

  /** The annotations in an array attribute. */
  @SuppressWarnings("unchecked")
  public List<AnnotationMirror> annotations(AnnotationMirror mirror, String attribute) {
    List<? extends AnnotationValue> values = (List<? extends AnnotationValue>) value(mirror, attribute).getValue();
    return values.stream().map(v -> (AnnotationMirror) v.getValue()).toList();
  }
}
