package dev.kiln.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  void theTalksFormBecomesAJdbcUrlWithTheCredentialsApart() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:p%40ss:word@db.example:5433/notes?sslmode=require");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/notes?sslmode=require");
    assertThat(url.user()).isEqualTo("app");
    assertThat(url.password()).isEqualTo("p@ss:word");
    assertThat(url.shown()).isEqualTo("postgres://app:***@db.example:5433/notes?sslmode=require");
  }

  @Test
  void postgresqlSchemeAndNoCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost/app");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
    assertThat(url.user()).isNull();
    assertThat(url.shown()).isEqualTo("postgres://localhost/app");
  }

  @Test
  void aJdbcUrlIsTakenAsItIsWithAPasswordParameterMasked() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:5432/db?user=u&password=secret&ssl=true");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=secret&ssl=true");
    assertThat(url.shown()).isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true");
  }

  @Test
  void otherSchemesAreRefusedSayingWhatIsTaken() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:p@h/db"))
        .hasMessageContaining("postgres://user:password@host:port/db")
        .hasMessageContaining("'mysql:'")
        .hasMessageNotContaining("u:p");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:p@/db")).hasMessageContaining("names no host");
  }
}
