package dev.kiln.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The PostgreSQL both servers of the database benchmark query: zonky's embedded server, fresh, on
 * {@code port}, with TechEmpower's {@code world} table of 10,000 rows. {@code BenchDatabase <port>};
 * prints its JDBC URL once ready and serves until killed.
 */
public final class BenchDatabase {
  private BenchDatabase() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 5433;
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port)
        .setServerConfig("max_connections", "200")
        .setServerConfig("synchronous_commit", "off") // the updates test measures the servers, not the disk
        .start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement ddl = connection.createStatement()) {
      ddl.execute("create table world (id integer primary key, randomnumber integer not null)");
      try (PreparedStatement insert = connection.prepareStatement("insert into world values (?, ?)")) {
        for (int id = 1; id <= DbViews.ROWS; id++) {
          insert.setInt(1, id);
          insert.setInt(2, DbViews.randomId());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (java.io.IOException e) {
        e.printStackTrace();
      }
    }));
    System.out.println("postgres ready on jdbc:postgresql://127.0.0.1:" + port + "/postgres");
    Thread.currentThread().join();
  }
}
