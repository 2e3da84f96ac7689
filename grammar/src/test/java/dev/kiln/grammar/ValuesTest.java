package dev.kiln.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {
  @ParameterizedTest
  @CsvSource({
      "0, true", "-1, true", "9223372036854775807, true", "-9223372036854775808, true",
      "9223372036854775808, false", "-9223372036854775809, false", "00000000000000000000042, true",
      "'', false", "-, false", "1a, false", "+1, false", "\uFF11, false", "1.0, false", "' 1', false",
  })
  void longs(String text, boolean valid) {
    assertThat(Values.isLong("/" + text + "/", 1, 1 + text.length())).as(text).isEqualTo(valid);
    assertThat(Values.isLong(text)).as(text).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"2147483647, true", "2147483648, false", "-2147483648, true", "-2147483649, false", "-0, true",
      "+5, false"})
  void ints(String text, boolean valid) {
    assertThat(Values.isInt(text)).as(text).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"1, true", "-1.5, true", ".5, true", "5., true", "1e10, true", "1E-3, true", "1e+3, true",
      "+1.5, false", "NaN, false", "Infinity, false", "0x1p3, false", "1e, false", "., false", "-, false",
      "1f, false", "1d, false", "'', false", "' 1', false"})
  void decimals(String text, boolean valid) {
    assertThat(Values.isDecimal(text)).as(text).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"123e4567-e89b-12d3-a456-426614174000, true", "123E4567-E89B-12D3-A456-426614174000, true",
      "123e4567e89b12d3a456426614174000, false", "123e4567-e89b-12d3-a456-42661417400g, false",
      "123e4567-e89b-12d3-a456-4266141740000, false"})
  void uuids(String text, boolean valid) {
    assertThat(Values.isUuid(text)).as(text).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"true, true", "TRUE, true", "False, true", "yes, false", "1, false", "'', false", "truex, false"})
  void pathBooleansHaveOneSpelling(String text, boolean valid) {
    assertThat(Values.isPathBoolean(text)).as(text).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"true, true", "Yes, true", "ON, true", "1, true", "false, false", "no, false", "Off, false",
      "0, false"})
  void booleansReadTheWaysPeopleWriteThem(String text, boolean value) {
    assertThat(Values.parseBoolean(text)).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource({"'', x", "maybe, x", "2, x", "y, x", "' true', x"})
  void otherBooleansAreNone(String text, String unused) {
    assertThat(Values.parseBoolean(text)).as(text).isNull();
  }
}
