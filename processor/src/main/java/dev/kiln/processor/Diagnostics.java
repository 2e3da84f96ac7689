package dev.kiln.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports problems on the exact element, annotation and annotation value, each tagged with its
 * stable {@link DiagnosticCode}, and remembers whether any error was reported so the writers can fall
 * back to the public skeleton.
 */
public final class Diagnostics {
  private final Messager messager;
  private boolean errors;

  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  public void error(DiagnosticCode code, String message, Element element) {
    report(Diagnostic.Kind.ERROR, code, message, new Location(element, null, null));
  }

  public void error(DiagnosticCode code, String message, Location location) {
    report(Diagnostic.Kind.ERROR, code, message, location);
  }

  public void warning(DiagnosticCode code, String message, Location location) {
    report(Diagnostic.Kind.WARNING, code, message, location);
  }

  public boolean hasErrors() {
    return errors;
  }

  private void report(Diagnostic.Kind kind, DiagnosticCode code, String message, Location location) {
    if (kind == Diagnostic.Kind.ERROR) {
      errors = true;
    }
    String text = "[Kiln/" + code.tag() + "] " + message;
    if (location.value() != null) {
      messager.printMessage(kind, text, location.element(), location.annotation(), location.value());
    } else if (location.annotation() != null) {
      messager.printMessage(kind, text, location.element(), location.annotation());
    } else {
      messager.printMessage(kind, text, location.element());
    }
  }

  /** Where a diagnostic points: an element, optionally one of its annotations and one of its values. */
  public record Location(Element element, AnnotationMirror annotation, AnnotationValue value) {
    public static Location of(Element element) {
      return new Location(element, null, null);
    }
  }
}
