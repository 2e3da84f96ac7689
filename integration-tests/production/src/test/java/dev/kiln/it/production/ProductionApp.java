package dev.kiln.it.production;

import dev.kiln.Application;
import dev.kiln.Install;
import dev.kiln.Request;
import dev.kiln.Route;
import dev.kiln.Router;
import dev.kiln.middleware.HealthChecks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An app as it runs behind a load balancer: health checks outermost, and routes that show what the request saw. */
@Application
@Install(value = HealthChecks.class, order = 1)
public final class ProductionApp {
  /** Opened by a test to let {@code /slow} answer. */
  final CountDownLatch release = new CountDownLatch(1);
  final CountDownLatch slowStarted = new CountDownLatch(1);

  Router router(HealthChecks health) {
    return ProductionAppRoutes.builder().productionApp(this).healthChecks(health).build();
  }

  @Route(path = "/whoami", name = "whoami")
  public Map<String, String> whoami(Request request) {
    Map<String, String> seen = new LinkedHashMap<>();
    seen.put("client", request.clientAddress());
    seen.put("socket", request.remoteAddress().getAddress().getHostAddress());
    seen.put("scheme", request.scheme());
    seen.put("host", String.valueOf(request.host()));
    seen.put("self", request.host() == null ? "" : request.absoluteUrl(ProductionAppUrls.whoami()));
    return seen;
  }

  @Route(path = "/slow")
  public String slow() throws InterruptedException {
    slowStarted.countDown();
    return release.await(30, TimeUnit.SECONDS) ? "finished" : "timed out";
  }

  @Route(path = "/")
  public String index() {
    return "hello";
  }
}
