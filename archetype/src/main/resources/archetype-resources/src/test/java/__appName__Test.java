package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import ${package}.api.Note;
import ${package}.api.NoteStore;
import dev.kiln.testing.KilnExtension;
import dev.kiln.testing.TestClient;
import dev.kiln.testing.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The app over a real socket, with Kiln's test kit: a server on a free port and a client for it. */
class ${appName}Test {
  @RegisterExtension
  static final KilnExtension kiln = KilnExtension.serve(() -> ${appName}.router(new NoteStore(), "Hi"));

  @Test
  void greets(TestClient client) {
    TestResponse home = client.get("/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.text()).isEqualTo("Hi");
  }

  @Test
  void addsANoteAndServesItAtItsUrl(TestClient client) {
    TestResponse added = client.postJson("/api/notes", Map.of("title", "Groceries", "text", "milk"));
    assertThat(added.status()).isEqualTo(201);
    Note note = added.json(Note.class);
    assertThat(added.header("Location")).isEqualTo("/api/notes/" + note.id());

    assertThat(client.get(added.header("Location")).json(Note.class)).isEqualTo(note);
    assertThat(client.get("/api/notes").text()).contains("Groceries");
  }

  @Test
  void refusesAnInvalidNoteBeforeTheHandler(TestClient client) {
    TestResponse refused = client.postJson("/api/notes", Map.of("title", " "));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.text()).contains("title");
  }

  @Test
  void answers404ForANoteThatIsNotThere(TestClient client) {
    assertThat(client.get("/api/notes/999").status()).isEqualTo(404);
    assertThat(client.get("/api/notes/abc").status()).isEqualTo(404);
  }
}
