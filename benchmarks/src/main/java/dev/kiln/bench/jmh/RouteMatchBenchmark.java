package dev.kiln.bench.jmh;

import dev.kiln.HttpMethod;
import dev.kiln.internal.routing.RouteMatch;
import dev.kiln.internal.routing.RouteTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Route matching on the 203-route GitHub API table, through the generated matcher and through the
 * naive regex list, per matched path. {@code github*}: every route's path in a shuffled order;
 * {@code static*}: the literal routes only; {@code deepest*}: the path with most segments.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteMatchBenchmark {
  static final int GITHUB_ROUTES = 203;

  private RouteTable router;
  private RouteMatch match;
  private RouteTables.RegexList regexes;
  private HttpMethod[] methods;
  private String[] methodNames;
  private String[] paths;
  private HttpMethod[] staticMethods;
  private String[] staticPaths;
  private String deepestPath;
  private HttpMethod deepestMethod;

  @Setup
  public void setUp() {
    List<RouteTables.Route> routes = RouteTables.github();
    router = RouteTable.of(RouteTables.compile(routes));
    match = router.newMatch();
    regexes = new RouteTables.RegexList(routes);
    List<RouteTables.Route> shuffled = new ArrayList<>(routes);
    Collections.shuffle(shuffled, new Random(42));
    methods = shuffled.stream().map(r -> HttpMethod.valueOf(r.method())).toArray(HttpMethod[]::new);
    methodNames = shuffled.stream().map(RouteTables.Route::method).toArray(String[]::new);
    paths = shuffled.stream().map(RouteTables.Route::samplePath).toArray(String[]::new);
    List<RouteTables.Route> literal = routes.stream().filter(r -> !r.template().contains("{")).toList();
    staticMethods = literal.stream().map(r -> HttpMethod.valueOf(r.method())).toArray(HttpMethod[]::new);
    staticPaths = literal.stream().map(RouteTables.Route::template).toArray(String[]::new);
    RouteTables.Route deepest = routes.stream()
        .max(Comparator.comparingLong((RouteTables.Route r) -> r.template().chars().filter(c -> c == '/').count())
            .thenComparing(r -> r.template().chars().filter(c -> c == '{').count()))
        .orElseThrow();
    deepestPath = deepest.samplePath();
    deepestMethod = HttpMethod.valueOf(deepest.method());
    for (int i = 0; i < paths.length; i++) {
      if (!router.match(methods[i], paths[i], match)) {
        throw new IllegalStateException("no match for " + methods[i] + " " + paths[i]);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(GITHUB_ROUTES)
  public void githubKiln(Blackhole hole) {
    for (int i = 0; i < paths.length; i++) {
      hole.consume(router.match(methods[i], paths[i], match));
    }
  }

  @Benchmark
  @OperationsPerInvocation(GITHUB_ROUTES)
  public void githubRegexList(Blackhole hole) {
    for (int i = 0; i < paths.length; i++) {
      hole.consume(regexes.match(methodNames[i], paths[i]));
    }
  }

  @Benchmark
  public void staticKiln(Blackhole hole) {
    for (int i = 0; i < staticPaths.length; i++) {
      hole.consume(router.match(staticMethods[i], staticPaths[i], match));
    }
  }

  @Benchmark
  public boolean deepestKiln() {
    return router.match(deepestMethod, deepestPath, match);
  }

  @Benchmark
  public int deepestRegexList() {
    return regexes.match(deepestMethod.name(), deepestPath);
  }
}
