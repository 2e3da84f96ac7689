package dev.kiln.bench;

import dev.kiln.server.Server;

/** Serves {@link BenchApp} for the load benchmark: {@code BenchServer <port>}. */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    try (Server server = Server.builder(BenchApp.router()).port(port).accessLog(false).closeOnShutdownSignal().start()) {
      System.out.println("kiln ready on " + server.port());
      server.awaitShutdown();
    }
  }
}
