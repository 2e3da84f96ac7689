package dev.kiln.it.middleware;

import dev.kiln.NonBlocking;
import dev.kiln.Request;
import dev.kiln.Route;
import dev.kiln.Use;

/** Routes behind {@link CallRecorder}: each answers with the thread it ran on and what the interceptor said before. */
@Use(CallRecorder.class)
public final class InterceptedViews {
  @Route(path = "/intercepted/blocking")
  public String blocking(Request request) {
    return Thread.currentThread().getName() + " after " + request.attribute(CallRecorder.ENTERED_ON);
  }

  @NonBlocking
  @Route(path = "/intercepted/loop")
  public String loop(Request request) {
    return Thread.currentThread().getName() + " after " + request.attribute(CallRecorder.ENTERED_ON);
  }

  @Route(path = "/intercepted/failing")
  public String failing() {
    throw new IllegalStateException("the ledger is locked");
  }
}
