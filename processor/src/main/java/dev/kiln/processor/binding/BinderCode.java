package dev.kiln.processor.binding;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.DataType;
import dev.kiln.processor.model.ValueType;
import java.util.List;

/**
 * What a binding's code may use inside one generated binder method: the request, fresh local
 * names, and the endpoints class's shared constants and helper methods.
 */
public interface BinderCode {
  /** The binder's {@code Request} parameter. */
  String request();

  /** A local name not yet used in the binder, close to {@code suggestion}. */
  String newName(String suggestion);

  /** Converts {@code text} to {@code valueType}; {@code what} names the value in a 400. */
  CodeBlock convert(ValueType valueType, TypeName valueClass, CodeBlock text, String what);

  /** The endpoints class's constant holding {@code type}'s Jackson {@code JavaType}. */
  CodeBlock jsonType(TypeName type);

  /** A call of the endpoints class's generated form binder for {@code record}. */
  CodeBlock formBinder(DataType.Record record);

  /** Checks a request value's constraints into {@code violations}. */
  CodeBlock checkParameter(String in, String name, String value, TypeName type, List<Constraint> constraints,
      String violations);

  /** Checks a body's constraints and those of the records inside it into {@code violations}. */
  CodeBlock checkBody(String value, TypeName type, List<Constraint> constraints, DataType data, String violations);
}
