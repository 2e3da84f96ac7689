package dev.kiln.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
  @Test
  void dataOutlivesARestart(@TempDir Path folder) throws Exception {
    Path data = folder.resolve("pg");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "")) {
      c.createStatement().execute("create table kept (v text)");
      c.createStatement().execute("insert into kept values ('still here')");
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
        ResultSet rows = c.createStatement().executeQuery("select v from kept")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("still here");
    }
  }
}
