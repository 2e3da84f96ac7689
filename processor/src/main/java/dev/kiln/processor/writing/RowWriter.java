package dev.kiln.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.kiln.processor.model.RowModel;
import dev.kiln.processor.model.RowModel.Column;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Record>Row} for a {@code @Row} record: a Jdbi {@code RowMapper} that finds its
 * columns once per result ({@code specialize}) and reads each component with the getter its type
 * needs, checking {@code NULL}s; and {@code bind}, which binds each component by name. Plain code,
 * no reflection.
 */
public final class RowWriter {
  private static final ClassName ROW_MAPPER = ClassName.get("org.jdbi.v3.core.mapper", "RowMapper");
  private static final ClassName STATEMENT_CONTEXT = ClassName.get("org.jdbi.v3.core.statement", "StatementContext");
  private static final ClassName SQL_STATEMENT = ClassName.get("org.jdbi.v3.core.statement", "SqlStatement");
  private static final ClassName ROW_COLUMNS = ClassName.get("dev.kiln.jdbi.internal", "RowColumns");
  private static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
  private static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");
  private static final ClassName OFFSET_DATE_TIME = ClassName.get("java.time", "OffsetDateTime");

  private RowWriter() {}

  public static JavaFile write(RowModel model) {
    ClassName record = model.record();
    String name = String.join(".", record.simpleNames());
    TypeName mapperOf = ParameterizedTypeName.get(ROW_MAPPER, record);
    TypeName strings = ArrayTypeName.of(String.class);
    TypeSpec type = TypeSpec.classBuilder(model.mapper())
        .addJavadoc("Maps a row to {@link $T}, reading $L, and binds one to a statement.\n", record,
            model.columns().stream().map(c -> "{@code " + c.column() + "}").collect(Collectors.joining(", ")))
        .addAnnotation(GeneratedCode.generated(record.canonicalName()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(mapperOf)
        .addField(FieldSpec.builder(model.mapper(), "MAPPER", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The mapper: {@code query.map($T.MAPPER)}.\n", model.mapper())
            .initializer("new $T(null)", model.mapper())
            .build())
        .addField(FieldSpec.builder(strings, "COMPONENTS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("{$L}", model.columns().stream().map(c -> CodeBlock.of("$S", c.component()))
                .collect(CodeBlock.joining(", ")))
            .build())
        .addField(FieldSpec.builder(strings, "COLUMNS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("{$L}", model.columns().stream().map(c -> CodeBlock.of("$S", c.column()))
                .collect(CodeBlock.joining(", ")))
            .build())
        .addField(FieldSpec.builder(int[].class, "at", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("Where each column is in the result this mapper was specialised for; {@code null} before.\n")
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(int[].class, "at")
            .addStatement("this.at = at")
            .build())
        .addMethod(MethodSpec.methodBuilder("specialize")
            .addJavadoc("Finds the columns once for a whole result; fails naming a component whose column is missing.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(mapperOf)
            .addParameter(RESULT_SET, "rows")
            .addParameter(STATEMENT_CONTEXT, "context")
            .addException(SQL_EXCEPTION)
            .addStatement("return new $T($T.indices(rows, $S, COMPONENTS, COLUMNS))", model.mapper(), ROW_COLUMNS, name)
            .build())
        .addMethod(map(model, name))
        .addMethod(bind(model))
        .build();
    return JavaFile.builder(model.mapper().packageName(), type).skipJavaLangImports(true).indent("  ").build();
  }

  private static MethodSpec map(RowModel model, String name) {
    MethodSpec.Builder map = MethodSpec.methodBuilder("map")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(model.record())
        .addParameter(RESULT_SET, "rows")
        .addParameter(STATEMENT_CONTEXT, "context")
        .addException(SQL_EXCEPTION)
        .addStatement("int[] at = this.at != null ? this.at : $T.indices(rows, $S, COMPONENTS, COLUMNS)", ROW_COLUMNS,
            name);
    List<Column> columns = model.columns();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      map.addStatement("$T $N = $L", column.type(), column.component(), value(column, i, name));
    }
    return map.addStatement("return new $T($L)", model.record(),
            columns.stream().map(c -> CodeBlock.of("$N", c.component())).collect(CodeBlock.joining(", ")))
        .build();
  }

  /** The expression that reads {@code column}, checked or wrapped as its component needs. */
  private static CodeBlock value(Column column, int index, String record) {
    String component = record + "." + column.component();
    CodeBlock at = CodeBlock.of("at[$L]", index);
    if (column.primitive()) {
      return CodeBlock.of("$T.present(rows.$N($L), rows, $S, $S)", ROW_COLUMNS, column.getter(), at, component,
          column.column());
    }
    CodeBlock read = switch (column.reader()) {
      case PRIMITIVE -> CodeBlock.of("$T.orNull(rows.$N($L), rows)", ROW_COLUMNS, column.getter(), at);
      case GETTER -> CodeBlock.of("rows.$N($L)", column.getter(), at);
      case OBJECT -> CodeBlock.of("rows.getObject($L, $T.class)", at, column.value());
      case INSTANT -> CodeBlock.of("$T.instant(rows.getObject($L, $T.class))", ROW_COLUMNS, at, OFFSET_DATE_TIME);
      case ENUM -> CodeBlock.of("$T.constant(rows.getString($L), $T::valueOf, $S)", ROW_COLUMNS, at, column.value(),
          component);
    };
    if (column.optional()) {
      return CodeBlock.of("$T.ofNullable($L)", Optional.class, read);
    }
    return column.nullable() ? read : CodeBlock.of("$T.notNull($L, $S, $S)", ROW_COLUMNS, read, component, column.column());
  }

  private static MethodSpec bind(RowModel model) {
    TypeVariableName statement = TypeVariableName.get("S", ParameterizedTypeName.get(SQL_STATEMENT,
        TypeVariableName.get("S")));
    String value = lowerFirst(model.record().simpleName());
    CodeBlock.Builder chain = CodeBlock.builder().add("return statement");
    for (Column column : model.columns()) {
      CodeBlock read = CodeBlock.of("$N.$N()", value, column.component());
      if (column.primitive()) {
        chain.add("\n$>$>.bind($S, $L)$<$<", column.component(), read);
      } else {
        CodeBlock bound = column.optional() ? CodeBlock.of("$L.orElse(null)", read) : read;
        chain.add("\n$>$>.bindByType($S, $L, $T.class)$<$<", column.component(), bound, rawClass(column.value()));
      }
    }
    return MethodSpec.methodBuilder("bind")
        .addJavadoc("Binds each component of {@code $N} by its name: $L.\n", value, model.columns().stream()
            .map(c -> "{@code :" + c.component() + "}").collect(Collectors.joining(", ")))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariable(statement)
        .returns(TypeVariableName.get("S"))
        .addParameter(TypeVariableName.get("S"), "statement")
        .addParameter(model.record(), value)
        .addStatement(chain.build())
        .build();
  }

  private static TypeName rawClass(TypeName type) {
    return type instanceof ParameterizedTypeName parameterized ? parameterized.rawType() : type;
  }

  private static String lowerFirst(String name) {
    String lower = Character.toLowerCase(name.charAt(0)) + name.substring(1);
    return javax.lang.model.SourceVersion.isKeyword(lower) ? lower + "Row" : lower;
  }
}
