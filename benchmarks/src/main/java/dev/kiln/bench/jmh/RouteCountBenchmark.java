package dev.kiln.bench.jmh;

import dev.kiln.HttpMethod;
import dev.kiln.internal.routing.RouteMatch;
import dev.kiln.internal.routing.RouteTable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The same eight requests matched against tables of 10, 200 and 2,000 routes: a static path, an item,
 * a sub-resource and a deep path, at the start and at the end of the table. Kiln's cost should not
 * move with the table's size; the regex list's grows with it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteCountBenchmark {
  @Param({"10", "200", "2000"})
  public int routes;

  private RouteTable router;
  private RouteMatch match;
  private RouteTables.RegexList regexes;
  private String[] paths;

  @Setup
  public void setUp() {
    List<RouteTables.Route> table = RouteTables.synthetic(routes);
    router = RouteTable.of(RouteTables.compile(table));
    match = router.newMatch();
    regexes = new RouteTables.RegexList(table);
    int last = routes / 4 - 1;
    paths = new String[] {
        "/res0", "/res0/7", "/res0/7/items", "/res0/7/items/9/details",
        "/res" + last, "/res" + last + "/7", "/res" + last + "/7/items", "/res" + last + "/7/items/9/details"};
    for (String path : paths) {
      if (!router.match(HttpMethod.GET, path, match) || regexes.match("GET", path) < 0) {
        throw new IllegalStateException("no match for " + path);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(8)
  public void kiln(Blackhole hole) {
    for (String path : paths) {
      hole.consume(router.match(HttpMethod.GET, path, match));
    }
  }

  @Benchmark
  @OperationsPerInvocation(8)
  public void regexList(Blackhole hole) {
    for (String path : paths) {
      hole.consume(regexes.match("GET", path));
    }
  }
}
