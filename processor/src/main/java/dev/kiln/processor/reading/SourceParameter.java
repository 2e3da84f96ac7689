package dev.kiln.processor.reading;

import com.palantir.javapoet.TypeName;
import dev.kiln.processor.DiagnosticCode;
import dev.kiln.processor.Diagnostics;
import dev.kiln.processor.binding.ParameterReading;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.DataType;
import dev.kiln.processor.model.PathTemplate;
import dev.kiln.processor.model.ValueType;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** A parameter as read from source (or a class file) for the binding kinds. */
final class SourceParameter implements ParameterReading {
  private final VariableElement parameter;
  private final PathTemplate template;
  private final String annotation;
  private final String explicitName;
  private final TypeSupport typeSupport;
  private final ConstraintReader constraintReader;
  private final DataTypeReader dataTypes;
  private final Diagnostics diagnostics;

  SourceParameter(VariableElement parameter, PathTemplate template, String annotation, String explicitName,
      TypeSupport typeSupport, ConstraintReader constraintReader, DataTypeReader dataTypes,
      Diagnostics diagnostics) {
    this.parameter = parameter;
    this.template = template;
    this.annotation = annotation;
    this.explicitName = explicitName;
    this.typeSupport = typeSupport;
    this.constraintReader = constraintReader;
    this.dataTypes = dataTypes;
    this.diagnostics = diagnostics;
  }

  @Override
  public String javaName() {
    return parameter.getSimpleName().toString();
  }

  @Override
  public TypeMirror type() {
    return parameter.asType();
  }

  @Override
  public String annotation() {
    return annotation;
  }

  @Override
  public String explicitName() {
    return explicitName;
  }

  @Override
  public boolean is(TypeMirror type, String qualifiedName) {
    return TypeSupport.is(type, qualifiedName);
  }

  @Override
  public TypeMirror typeArgument(TypeMirror type) {
    return TypeSupport.typeArgument(type);
  }

  @Override
  public ValueType scalar(TypeMirror type) {
    return typeSupport.scalar(type);
  }

  @Override
  public List<String> enumConstants(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)
        || declared.asElement().getKind() != ElementKind.ENUM) {
      return List.of();
    }
    return declared.asElement().getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
        .map(e -> e.getSimpleName().toString())
        .toList();
  }

  @Override
  public TypeName boxed(TypeMirror type) {
    return TypeSupport.boxed(type);
  }

  @Override
  public boolean isRecord(TypeMirror type) {
    return TypeSupport.isRecord(type);
  }

  @Override
  public boolean hasTypeVariable(TypeMirror type) {
    return TypeSupport.containsTypeVariable(type);
  }

  @Override
  public String display(TypeMirror type) {
    return TypeSupport.display(type);
  }

  @Override
  public List<Constraint> constraints() {
    boolean optional = TypeSupport.is(type(), "java.util.Optional");
    TypeMirror unwrapped = optional && typeArgument(type()) != null ? typeArgument(type()) : type();
    return constraintReader.read(parameter, parameter.getAnnotationMirrors(), unwrapped, optional);
  }

  @Override
  public DataType data(TypeMirror type) {
    return dataTypes.read(type, parameter);
  }

  @Override
  public int pathIndex(String name) {
    return template.paramIndex(name);
  }

  @Override
  public void error(DiagnosticCode code, String message) {
    diagnostics.error(code, message, parameter);
  }
}
