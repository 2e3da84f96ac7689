package dev.kiln.processor.binding;

import com.palantir.javapoet.TypeName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.model.DataType;
import javax.lang.model.type.TypeMirror;

/** A handler method's (completed) return type as a {@link ResultKind} reads it. */
public interface ResultReading {
  /** The return type, or what its {@code CompletionStage} completes with. */
  TypeMirror type();

  boolean is(TypeMirror type, String qualifiedName);

  /** Whether {@code type} is the named class or interface or extends or implements it. */
  boolean isA(TypeMirror type, String qualifiedName);

  boolean hasTypeVariable(TypeMirror type);

  TypeName boxed(TypeMirror type);

  /** The type tree of a JSON result; {@code null} after reporting what Jackson could not write. */
  DataType data(TypeMirror type);

  /** Reports an error on the method. */
  void error(DiagnosticCode code, String message);
}
