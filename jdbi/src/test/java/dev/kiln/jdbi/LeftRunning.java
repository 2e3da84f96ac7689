package dev.kiln.jdbi;

import java.nio.file.Path;

/** Starts the embedded PostgreSQL over a folder and waits to be killed, as a crashed app leaves it. */
public final class LeftRunning {
  private LeftRunning() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabase.start(Path.of(args[0]), 0);
    System.out.println("serving");
    System.out.flush();
    Thread.currentThread().join();
  }
}
