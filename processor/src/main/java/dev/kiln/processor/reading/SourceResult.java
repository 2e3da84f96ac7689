package dev.kiln.processor.reading;

import com.palantir.javapoet.TypeName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.binding.ResultReading;
import dev.kiln.processor.model.DataType;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** A method's (completed) return type as read for the result kinds. */
final class SourceResult implements ResultReading {
  private final ExecutableElement method;
  private final TypeMirror type;
  private final DataTypeReader dataTypes;
  private final Diagnostics diagnostics;

  SourceResult(ExecutableElement method, TypeMirror type, DataTypeReader dataTypes, Diagnostics diagnostics) {
    this.method = method;
    this.type = type;
    this.dataTypes = dataTypes;
    this.diagnostics = diagnostics;
  }

  @Override
  public TypeMirror type() {
    return type;
  }

  @Override
  public boolean is(TypeMirror type, String qualifiedName) {
    return TypeSupport.is(type, qualifiedName);
  }

  @Override
  public boolean isA(TypeMirror type, String qualifiedName) {
    if (TypeSupport.is(type, qualifiedName)) {
      return true;
    }
    if (!(type instanceof DeclaredType declared) || !(declared.asElement() instanceof TypeElement element)) {
      return false;
    }
    if (isA(element.getSuperclass(), qualifiedName)) {
      return true;
    }
    for (TypeMirror implemented : element.getInterfaces()) {
      if (isA(implemented, qualifiedName)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean hasTypeVariable(TypeMirror type) {
    return TypeSupport.containsTypeVariable(type);
  }

  @Override
  public TypeName boxed(TypeMirror type) {
    return TypeName.get(type).box();
  }

  @Override
  public DataType data(TypeMirror type) {
    return dataTypes.read(type, method);
  }

  @Override
  public void error(DiagnosticCode code, String message) {
    diagnostics.error(code, message, method);
  }
}
