package dev.kiln.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.kiln.processor.model.TypeNotation;
import org.junit.jupiter.api.Test;

/** The marker notation of types: written and read back the same, nested classes and lower-case packages included. */
class TypeNotationTest {
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName MAP = ClassName.get("java.util", "Map");
  private static final ClassName ENTRY = ClassName.get("com.acme.v2", "Outer", "Inner", "Deepest");

  @Test
  void typesSurviveTheRoundTrip() {
    for (TypeName type : new TypeName[] {
        TypeName.INT, TypeName.BOOLEAN, ClassName.get(String.class), ENTRY, ClassName.get("", "Unnamed"),
        ParameterizedTypeName.get(LIST, ENTRY),
        ParameterizedTypeName.get(MAP, ClassName.get(String.class), ParameterizedTypeName.get(LIST, ArrayTypeName.of(TypeName.BYTE))),
        ArrayTypeName.of(ArrayTypeName.of(ENTRY)),
        ParameterizedTypeName.get(LIST, WildcardTypeName.subtypeOf(Object.class)),
        ParameterizedTypeName.get(LIST, WildcardTypeName.subtypeOf(ENTRY)),
        ParameterizedTypeName.get(LIST, WildcardTypeName.supertypeOf(ParameterizedTypeName.get(LIST, ENTRY)))}) {
      assertThat(TypeNotation.read(TypeNotation.write(type))).as("%s", type).isEqualTo(type);
    }
  }

  @Test
  void aClassNamesWhereItsPackageEnds() {
    assertThat(TypeNotation.write(ParameterizedTypeName.get(LIST, ENTRY))).isEqualTo("java.util/List<com.acme.v2/Outer.Inner.Deepest>");
    assertThat(((ClassName) TypeNotation.read("com.Acme/lower.Case")).packageName()).isEqualTo("com.Acme");
  }

  @Test
  void aMalformedMarkerIsABugReportedAsOne() {
    assertThatThrownBy(() -> TypeNotation.read("java.util/List<java.lang/String")).hasMessageContaining("malformed type");
    assertThatThrownBy(() -> TypeNotation.read("integer")).hasMessageContaining("malformed type");
  }
}
