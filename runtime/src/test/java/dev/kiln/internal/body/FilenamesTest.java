package dev.kiln.internal.body;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilenamesTest {
  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "report.pdf             | report.pdf",
      "../../etc/passwd       | passwd",
      "C:\\Users\\me\\cv.docx | cv.docx",
      "dir/                   | ''",
      "..                     | ''",
      "/..                    | ''",
      "'  spaced name.txt  '  | spaced name.txt",
      "café.png               | café.png",
  })
  void keepsTheLastPathComponentOnly(String sent, String kept) {
    assertThat(Filenames.sanitize(sent)).isEqualTo(kept);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b.txt", "a\rb.txt", "a\nb.txt", "a\u007fb.txt", "a\u0085b.txt"})
  void dropsControlCharacters(String sent) {
    assertThat(Filenames.sanitize(sent)).isEqualTo("ab.txt");
  }

  @ParameterizedTest
  @CsvSource(value = {"NULL"}, nullValues = "NULL")
  void noNameIsEmpty(String sent) {
    assertThat(Filenames.sanitize(sent)).isEmpty();
  }
}
