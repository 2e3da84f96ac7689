package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document is written from the handlers' markers alone: a handler compiled in an
 * earlier build, whose class file has lost its Javadoc, is documented exactly as when its source is
 * compiled with the application, and an operation too big for one class-file constant survives.
 */
class OpenApiFromMarkersTest {
  private static final JavaFileObject APP = Compilations.source("""
      package docs;
      /** Notes, documented. */
      @dev.kiln.Application(title = "Notes", version = "1.0.0")
      public final class DocsApp {}
      """);

  private static final JavaFileObject NOTE = Compilations.source("""
      package docs;
      /**
       * A note.
       *
       * @param title what it is about
       */
      public record Note(@jakarta.validation.constraints.NotBlank String title, java.util.List<Note> replies) {}
      """);

  private static final JavaFileObject VIEWS = Compilations.source("""
      package docs;
      import dev.kiln.*;
      public final class NoteViews {
        /**
         * Adds a note.
         *
         * <p>Replies are kept in order.
         */
        @Route(method = HttpMethod.POST, path = "/notes/{kind:[a-z]+}", name = "addNote")
        public Note add(String kind, @Body Note note, @Query("draft") java.util.Optional<Boolean> draft) {
          return note;
        }
      }
      """);

  /** A second record called Note, so the document must name one of them by its canonical name. */
  private static final JavaFileObject OTHER_NOTE = Compilations.source("""
      package docs.archive;
      public record Note(String text) {}
      """);

  private static final JavaFileObject OTHER = Compilations.source("""
      package docs.archive;
      import dev.kiln.*;
      public final class ArchiveViews {
        @Route(path = "/archive/latest")
        public Note latest() { return new Note(""); }
      }
      """);

  @Test
  void aHandlerFromAnEarlierBuildIsDocumentedAsFromSource(@TempDir Path output) throws IOException {
    Compilation full = Compilations.compile(APP, NOTE, VIEWS, OTHER_NOTE, OTHER);
    assertThat(full).succeeded();
    JsonNode fromSource = document(full);
    assertThat(fromSource.at("/paths/~1notes~1{kind}/post/summary").asText()).isEqualTo("Adds a note.");
    assertThat(fromSource.at("/components/schemas/Note/properties/title/description").asText())
        .isEqualTo("what it is about");
    assertThat(fromSource.at("/components/schemas/Note/properties/replies/items/$ref").asText())
        .isEqualTo("#/components/schemas/Note");
    assertThat(fromSource.at("/paths/~1notes~1{kind}/post/requestBody/content/application~1json/schema/$ref")
        .asText()).isEqualTo("#/components/schemas/Note");
    assertThat(fromSource.at("/paths/~1archive~1latest/get/responses/200/content/application~1json/schema/$ref")
        .asText()).isEqualTo("#/components/schemas/docs.archive.Note");

    Compilations.writeClasses(full, output);
    Compilation partial = Compilations.compileAgainst(output, APP);
    assertThat(partial).succeeded();
    assertThat(document(partial)).isEqualTo(fromSource);
  }

  @Test
  void anOperationLongerThanAClassFileConstantIsKeptWhole(@TempDir Path output) throws IOException {
    // Past 16,000 chars, and a surrogate pair astride every piece boundary a naive cut would make.
    String text = "😀".repeat(20_000);
    JavaFileObject views = Compilations.source("""
        package docs;
        import dev.kiln.*;
        public final class LongViews {
          /** %s */
          @Route(path = "/long")
          public String long_() { return ""; }
        }
        """.formatted(text));
    Compilation full = Compilations.compile(APP, views);
    assertThat(full).succeeded();
    Compilations.writeClasses(full, output);
    Compilation partial = Compilations.compileAgainst(output, APP);
    assertThat(partial).succeeded();
    String summary = document(partial).at("/paths/~1long/get/summary").asText();
    assertThat(summary.length()).isEqualTo(text.length());
    assertThat(summary.equals(text)).as("the summary is the Javadoc, char for char").isTrue(); // no 40,000-char diff
  }

  private static JsonNode document(Compilation compilation) throws IOException {
    JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/kiln/openapi.json")
        .orElseThrow(() -> new AssertionError("no META-INF/kiln/openapi.json"));
    return new ObjectMapper().readTree(file.getCharContent(true).toString());
  }
}
