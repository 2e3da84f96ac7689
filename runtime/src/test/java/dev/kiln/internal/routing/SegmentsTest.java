package dev.kiln.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentsTest {
  @ParameterizedTest
  @CsvSource({
      "0, true", "-1, true", "9223372036854775807, true", "-9223372036854775808, true",
      "9223372036854775808, false", "-9223372036854775809, false", "00000000000000000000042, true",
      "'', false", "-, false", "1a, false", "+1, false", "\uFF11, false", "1.0, false",
  })
  void longs(String text, boolean valid) {
    assertThat(Segments.isLong("/" + text + "/", 1, 1 + text.length())).as(text).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"2147483647, true", "2147483648, false", "-2147483648, true", "-2147483649, false"})
  void ints(String text, boolean valid) {
    assertThat(Segments.isInt(text, 0, text.length())).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"1, true", "-1.5, true", ".5, true", "1e10, true", "1E-3, true", "NaN, false", "Infinity, false",
      "0x1p3, false", "1e, false", "., false", "1f, false"})
  void decimals(String text, boolean valid) {
    assertThat(Segments.isDecimal(text, 0, text.length())).as(text).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"123e4567-e89b-12d3-a456-426614174000, true", "123E4567-E89B-12D3-A456-426614174000, true",
      "123e4567e89b12d3a456426614174000, false", "123e4567-e89b-12d3-a456-42661417400g, false"})
  void uuids(String text, boolean valid) {
    assertThat(Segments.isUuid(text, 0, text.length())).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"repos", "''", "a-much-longer-segment-than-usual"})
  void hashesLikeStringHashCode(String segment) {
    String path = "/x/" + segment + "/y";
    assertThat(Segments.hash(path, 3, 3 + segment.length())).isEqualTo(segment.hashCode());
    assertThat(Segments.is(path, 3, 3 + segment.length(), segment)).isTrue();
    assertThat(Segments.end(path, 3)).isEqualTo(3 + segment.length());
  }
}
