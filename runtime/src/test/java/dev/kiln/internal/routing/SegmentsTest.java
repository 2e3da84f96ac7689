package dev.kiln.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentsTest {
  /** The value tests are {@code ValuesTest}'s; here, that a segment is tested in place. */
  @ParameterizedTest
  @CsvSource({"/42/, true, true, false", "/+42/, false, false, false", "/-1.5/, false, true, false",
      "/TRUE/, false, false, true"})
  void aSegmentIsTestedInItsPath(String path, boolean isLong, boolean isDecimal, boolean isBoolean) {
    int end = path.length() - 1;
    assertThat(Segments.isLong(path, 1, end)).isEqualTo(isLong);
    assertThat(Segments.isInt(path, 1, end)).isEqualTo(isLong);
    assertThat(Segments.isDecimal(path, 1, end)).isEqualTo(isDecimal);
    assertThat(Segments.isBoolean(path, 1, end)).isEqualTo(isBoolean);
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
