package dev.kiln.jte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.session.Session;
import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;

class CsrfTest {
  @Test
  void theFieldAndTheMetaTagCarryTheSessionsToken() {
    Session session = new TokenOnly("v3KJYb8tMdq0z9UeWx2fNcA7hLpRs5Gi1oBy4aQnD6k");
    StringOutput field = new StringOutput();
    Csrf.field(session).writeTo(field);
    assertThat(field.toString()).isEqualTo("<input type=\"hidden\" name=\"_csrf\" value=\"" + session.csrfToken() + "\">");
    StringOutput meta = new StringOutput();
    Csrf.meta(session).writeTo(meta);
    assertThat(meta.toString()).isEqualTo("<meta name=\"csrf-token\" content=\"" + session.csrfToken() + "\">");
  }

  /** A session with a token and nothing else: all a template's CSRF helpers read. */
  private record TokenOnly(String csrfToken) implements Session {
    @Override
    public <T> java.util.Optional<T> get(dev.kiln.session.SessionKey<T> key) {
      return java.util.Optional.empty();
    }

    @Override
    public <T> void put(dev.kiln.session.SessionKey<T> key, T value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void remove(dev.kiln.session.SessionKey<?> key) {}

    @Override
    public boolean isNew() {
      return false;
    }

    @Override
    public boolean isEmpty() {
      return true;
    }

    @Override
    public void invalidate() {}

    @Override
    public void regenerate() {}

    @Override
    public void flash(String message) {}

    @Override
    public java.util.List<String> flashes() {
      return java.util.List.of();
    }
  }
}
