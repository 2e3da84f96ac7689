package dev.kiln.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.HttpMethod;
import dev.kiln.Json;
import dev.kiln.JsonCodec;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.Url;
import dev.kiln.bench.BenchApp;
import dev.kiln.bench.BenchAppUrls;
import dev.kiln.bench.BenchViews;
import dev.kiln.internal.routing.InMemory;
import dev.kiln.internal.routing.RouteTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generated code around a handler, in memory: URL building for a three-parameter route,
 * binding a path and three query parameters, a three-middleware chain against none, and JSON
 * through Kiln's response path against Jackson alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestPathBenchmark {
  private RouteTable router;
  private ObjectMapper mapper;
  private static final com.fasterxml.jackson.databind.JavaType MESSAGE = Json.type(BenchViews.Message.class);
  private JsonCodec codec;
  private BenchViews.Message message;

  @Setup
  public void setUp() {
    router = RouteTable.of(BenchApp.router());
    codec = JsonCodec.standard();
    mapper = codec.mapper();
    message = new BenchViews.Message(BenchViews.HELLO);
  }

  @Benchmark
  public Url urlForThreeParameters() {
    return BenchAppUrls.issue("octo cat", "kiln", 42);
  }

  /** Request creation, matching, binding {@code /search/{scope}?q=..&page=..&exact=..}, handler, response. */
  @Benchmark
  public Response bindPathAndThreeQueryParameters() {
    return InMemory.dispatch(router, InMemory.of(HttpMethod.GET, "/search/code?q=kiln+web&page=3&exact=yes"))
        .toCompletableFuture().join();
  }

  @Benchmark
  public Response noMiddleware() {
    return InMemory.dispatch(router, InMemory.of(HttpMethod.GET, "/plaintext")).toCompletableFuture().join();
  }

  @Benchmark
  public Response threeMiddlewares() {
    return InMemory.dispatch(router, InMemory.of(HttpMethod.GET, "/mw/plaintext")).toCompletableFuture().join();
  }

  @Benchmark
  public Response jsonThroughKiln() {
    return Response.json(MESSAGE, message).rendered(codec); // as a handler's result is, on its thread
  }

  @Benchmark
  public byte[] jsonThroughJackson() throws Exception {
    return mapper.writeValueAsBytes(message);
  }
}
