package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a body's type tree allows: a form, JSON, and whether anything in it is validated. */
public final class DataShapes {
  private DataShapes() {}

  /** Whether every component of the record, and of the records in it, comes from a form field. */
  public static boolean isFormBindable(DataType type) {
    return type instanceof DataType.Record record && bindable(record, new HashSet<>());
  }

  private static boolean bindable(DataType.Record record, Set<TypeName> seen) {
    if (!seen.add(record.type())) {
      return false; // a record inside itself has no finite form
    }
    for (DataType.Component component : record.components()) {
      DataType type = component.type();
      boolean ok = isField(type)
          || type instanceof DataType.Maybe maybe && isField(maybe.value())
          || type instanceof DataType.Many many && !many.array() && isList(many.type()) && isField(many.element())
          || type instanceof DataType.Record nested && bindable(nested, seen);
      if (!ok) {
        return false;
      }
    }
    seen.remove(record.type());
    return true;
  }

  private static boolean isField(DataType type) {
    return type instanceof DataType.File || type instanceof DataType.Scalar scalar && scalar.valueType() != null;
  }

  private static boolean isList(TypeName type) {
    return type instanceof ParameterizedTypeName parameterized
        && parameterized.rawType().equals(ClassName.get(List.class));
  }

  /** Whether a type holds an upload somewhere: then it cannot come from JSON. */
  public static boolean hasFiles(DataType type) {
    return hasFiles(type, new HashSet<>());
  }

  private static boolean hasFiles(DataType type, Set<TypeName> seen) {
    if (type instanceof DataType.File) {
      return true;
    }
    if (type instanceof DataType.Record record) {
      return seen.add(record.type()) && record.components().stream().anyMatch(c -> hasFiles(c.type(), seen));
    }
    if (type instanceof DataType.Many many) {
      return hasFiles(many.element(), seen);
    }
    if (type instanceof DataType.Maybe maybe) {
      return hasFiles(maybe.value(), seen);
    }
    return type instanceof DataType.Dictionary dictionary && hasFiles(dictionary.value(), seen);
  }

  /** Whether values of this type have anything to check. */
  public static boolean needsValidation(DataType type) {
    return needsValidation(type, new HashSet<>());
  }

  private static boolean needsValidation(DataType type, Set<TypeName> seen) {
    if (type instanceof DataType.Record record) {
      if (!seen.add(record.type())) {
        return false;
      }
      for (DataType.Component component : record.components()) {
        if (!component.constraints().isEmpty() || needsValidation(component.type(), seen)) {
          return true;
        }
      }
      return false;
    }
    if (type instanceof DataType.Many many) {
      return !many.elementConstraints().isEmpty() || needsValidation(many.element(), seen);
    }
    if (type instanceof DataType.Maybe maybe) {
      return needsValidation(maybe.value(), seen);
    }
    if (type instanceof DataType.Dictionary dictionary) {
      return needsValidation(dictionary.value(), seen);
    }
    return false;
  }
}
