package dev.kiln.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.model.ValueType;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Questions about handler signature types: which scalars convert, which types are not yet resolved. */
public final class TypeSupport {
  private final Types types;

  public TypeSupport(Types types) {
    this.types = types;
  }

  /** A scalar type a request value converts to, or {@code null}. */
  public ValueType scalar(TypeMirror type) {
    switch (type.getKind()) {
      case INT: return ValueType.INT;
      case LONG: return ValueType.LONG;
      case DOUBLE: return ValueType.DOUBLE;
      case BOOLEAN: return ValueType.BOOLEAN;
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (element.getKind() == ElementKind.ENUM) {
          return ValueType.ENUM;
        }
        switch (element.getQualifiedName().toString()) {
          case "java.lang.String": return ValueType.STRING;
          case "java.lang.Integer": return ValueType.INT;
          case "java.lang.Long": return ValueType.LONG;
          case "java.lang.Double": return ValueType.DOUBLE;
          case "java.lang.Boolean": return ValueType.BOOLEAN;
          case "java.util.UUID": return ValueType.UUID;
          default: return null;
        }
      default:
        return null;
    }
  }

  /** Whether a declared {@code type} is {@code qualifiedName} or a subtype of it (erasures compared). */
  public static boolean isSubtype(Elements elements, Types types, TypeMirror type, String qualifiedName) {
    TypeElement target = elements.getTypeElement(qualifiedName);
    return type.getKind() == TypeKind.DECLARED && target != null
        && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
  }

  /** Whether {@code type} is the declared type {@code qualifiedName} (any type arguments). */
  public static boolean is(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
  }

  /** The single type argument of a declared type, or {@code null} when raw. */
  public static TypeMirror typeArgument(TypeMirror type) {
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    return arguments.size() == 1 ? arguments.get(0) : null;
  }

  /** Whether the type, or any type inside it, is not resolved yet (maybe generated in a later round). */
  public boolean hasErrors(TypeMirror type) {
    switch (type.getKind()) {
      case ERROR:
        return true;
      case DECLARED:
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          if (hasErrors(argument)) {
            return true;
          }
        }
        return false;
      case ARRAY:
        return hasErrors(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() != null && hasErrors(wildcard.getExtendsBound()))
            || (wildcard.getSuperBound() != null && hasErrors(wildcard.getSuperBound()));
      default:
        return false;
    }
  }

  /** The erasure's name as a Javadoc {@code @link} wants it: {@code java.util.Optional}, {@code long[]}. */
  public String erasedName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    if (erased.getKind() == TypeKind.DECLARED) {
      return ((TypeElement) ((DeclaredType) erased).asElement()).getQualifiedName().toString();
    }
    if (erased.getKind() == TypeKind.ARRAY) {
      return erasedName(((ArrayType) erased).getComponentType()) + "[]";
    }
    // toString() would include type annotations such as @Min(1L)
    return erased.getKind().isPrimitive() ? erased.getKind().name().toLowerCase(java.util.Locale.ROOT) : erased.toString();
  }

  /** A type as messages show it: {@code java.util.List<java.lang.String>}, without type annotations. */
  public static String display(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED: {
        DeclaredType declared = (DeclaredType) type;
        String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
        if (declared.getTypeArguments().isEmpty()) {
          return name;
        }
        StringBuilder text = new StringBuilder(name).append('<');
        for (int i = 0; i < declared.getTypeArguments().size(); i++) {
          text.append(i == 0 ? "" : ",").append(display(declared.getTypeArguments().get(i)));
        }
        return text.append('>').toString();
      }
      case ARRAY:
        return display(((ArrayType) type).getComponentType()) + "[]";
      default:
        return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase(java.util.Locale.ROOT)
            : type.toString();
    }
  }

  /** The boxed form of a scalar, as the type of a list element or an optional value. */
  public static TypeName boxed(TypeMirror type) {
    return TypeName.get(type).box();
  }

  /** Whether code in {@code packageName} can name {@code type}: the same package, or public all the way out. */
  public static boolean isVisibleFrom(TypeElement type, String packageName) {
    if (ClassName.get(type).packageName().equals(packageName)) {
      return true;
    }
    for (javax.lang.model.element.Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (!t.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the type is a record class. */
  static boolean isRecord(TypeMirror type) {
    return type != null && type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement().getKind() == ElementKind.RECORD;
  }

  /** Type variables have no writer at compile time; a wildcard is written as its bound. */
  static boolean containsTypeVariable(TypeMirror type) {
    switch (type.getKind()) {
      case TYPEVAR: case INTERSECTION: case UNION:
        return true;
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return wildcard.getExtendsBound() != null && containsTypeVariable(wildcard.getExtendsBound());
      case ARRAY:
        return containsTypeVariable(((ArrayType) type).getComponentType());
      case DECLARED:
        return ((DeclaredType) type).getTypeArguments().stream()
            .anyMatch(TypeSupport::containsTypeVariable);
      default:
        return false;
    }
  }
}
