package dev.kiln.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentEncodingTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "repos | repos",
      "a b | a%20b",
      "a/b | a%2Fb",
      "100% | 100%25",
      "café | caf%C3%A9",
      "~user.name_x-y | ~user.name_x-y",
      "!$&'()*+,;=:@ | !$&'()*+,;=:@",
      "?#[] | %3F%23%5B%5D",
  })
  void segmentsHaveOneCanonicalFormAndDecodeBack(String text, String canonical) {
    assertThat(PercentEncoding.canonicalSegment(text)).isEqualTo(canonical);
    assertThat(PercentEncoding.decodeCanonical(canonical)).isEqualTo(text);
  }
}
