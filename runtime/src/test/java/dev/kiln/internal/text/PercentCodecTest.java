package dev.kiln.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentCodecTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/plain/path          | /plain/path",
      "/a%41b               | /aAb",            // escaped unreserved: decoded
      "/a%2fb               | /a%2Fb",          // escaped reserved: kept, hex upper-cased
      "/caf%c3%a9           | /caf%C3%A9",
      "/café                | /caf%C3%A9",      // raw non-ASCII: encoded as UTF-8
      "/a b                 | /a%20b",
      "/sub;delims=$&+,!*'()| /sub;delims=$&+,!*'()",
      "/x:y@z               | /x:y@z",
  })
  void canonicalPath(String raw, String canonical) {
    assertThat(PercentCodec.canonicalPath(raw)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/%", "/%4", "/%G0", "/%0G", "/%\uFF10\uFF10"})
  void malformedEscapesAreRejected(String raw) {
    assertThatThrownBy(() -> PercentCodec.canonicalPath(raw)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a%2Fb     | a/b",
      "c%C3%A9   | cé",
      "a+b       | a+b",
      "plain     | plain",
  })
  void decodesSegments(String encoded, String decoded) {
    assertThat(PercentCodec.decode(encoded, 0, encoded.length())).isEqualTo(decoded);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%FF", "%C3", "%ED%A0%80"})
  void rejectsBytesThatAreNotUtf8(String encoded) {
    assertThatThrownBy(() -> PercentCodec.decode(encoded, 0, encoded.length()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not UTF-8");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a b      | a%20b",
      "a/b      | a%2Fb",
      "..       | %2E%2E",
      ".        | %2E",
      "a.b      | a.b",
      "é        | %C3%A9",
      "?#%      | %3F%23%25",
  })
  void encodesSegments(String value, String encoded) {
    assertThat(PercentCodec.encodeSegment(value)).isEqualTo(encoded);
    assertThat(PercentCodec.decode(encoded, 0, encoded.length())).isEqualTo(value);
  }
}
