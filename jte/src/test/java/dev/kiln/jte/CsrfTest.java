package dev.kiln.jte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.JsonCodec;
import dev.kiln.internal.session.SessionState;
import dev.kiln.session.Session;
import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;

class CsrfTest {
  @Test
  void theFieldAndTheMetaTagCarryTheSessionsToken() {
    Session session = SessionState.of(JsonCodec.standard(), null, 0, 3600);
    StringOutput field = new StringOutput();
    Csrf.field(session).writeTo(field);
    assertThat(field.toString()).isEqualTo("<input type=\"hidden\" name=\"_csrf\" value=\"" + session.csrfToken() + "\">");
    StringOutput meta = new StringOutput();
    Csrf.meta(session).writeTo(meta);
    assertThat(meta.toString()).isEqualTo("<meta name=\"csrf-token\" content=\"" + session.csrfToken() + "\">");
    assertThat(session.csrfToken()).matches("[A-Za-z0-9_-]{43}");
  }
}
