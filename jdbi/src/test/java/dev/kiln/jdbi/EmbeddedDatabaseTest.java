package dev.kiln.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL's folder: kept across restarts, taken over after a crash, never shared. */
class EmbeddedDatabaseTest {
  @Test
  void dataOutlivesARestart(@TempDir Path folder) throws Exception {
    Path data = folder.resolve("pg");
    keep(data, "still here");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
        ResultSet rows = c.createStatement().executeQuery("select v from kept")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("still here");
    }
  }

  @Test
  void aServerLeftRunningByAKilledProcessIsStoppedAndTheFolderTakenOver(@TempDir Path folder) throws Exception {
    Path data = folder.resolve("pg");
    keep(data, "before the crash");
    Process crashed = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
        LeftRunning.class.getName(), data.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(crashed.getInputStream(), StandardCharsets.UTF_8));
      for (String line = output.readLine(); !"serving".equals(line); line = output.readLine()) {
        assertThat(line).as("the child ended before serving").isNotNull();
      }
    } finally {
      crashed.destroyForcibly(); // kill -9: its PostgreSQL keeps running
      crashed.waitFor();
    }
    long leftOver = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    assertThat(ProcessHandle.of(leftOver).map(ProcessHandle::isAlive)).contains(true);

    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
        ResultSet rows = c.createStatement().executeQuery("select v from kept")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("before the crash");
      assertThat(ProcessHandle.of(leftOver).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
  }

  @Test
  void aFolderInUseIsRefusedAtOnceSayingSo(@TempDir Path folder) {
    Path data = folder.resolve("pg");
    try (EmbeddedDatabase first = EmbeddedDatabase.start(data, 0)) {
      assertThatThrownBy(() -> EmbeddedDatabase.start(data, 0))
          .hasMessageStartingWith("another process is running the embedded PostgreSQL over " + data)
          .hasMessageContaining("--database-directory");
    }
  }

  /** Starts a server over {@code data}, keeps {@code value} in table {@code kept}, and stops it. */
  private static void keep(Path data, String value) throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "")) {
      c.createStatement().execute("create table kept (v text)");
      c.createStatement().execute("insert into kept values ('" + value + "')");
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
