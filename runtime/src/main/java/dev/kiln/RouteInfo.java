package dev.kiln;

import java.util.List;
import java.util.Objects;

/**
 * What the processor knows about one route, as a constant in the generated {@code <App>Routes}.
 *
 * @param name the full route name ({@code "api.project"}), or empty for an unnamed route
 * @param method the HTTP method
 * @param template the full path template, group prefix included
 * @param handler the handler method, as {@code com.example.ProjectViews#project(long, Optional)}
 * @param blocking whether the handler runs on the blocking executor rather than the event loop
 * @param pathParams the template's parameter names, in path order
 * @param maxBodySize the route's body limit in bytes, or -1 for the server's
 * @param timeoutMillis the route's request timeout in milliseconds, or -1 for the server's
 * @param conditions what else a request must carry for the route to take it
 */
public record RouteInfo(
    String name,
    HttpMethod method,
    String template,
    String handler,
    boolean blocking,
    List<String> pathParams,
    long maxBodySize,
    long timeoutMillis,
    RouteConditions conditions) {

  /** What requests no route matched are dispatched as; its method is {@code null}. */
  public static final RouteInfo UNMATCHED =
      new RouteInfo("", null, "*", "-", false, List.of(), -1, -1, RouteConditions.NONE);

  public RouteInfo {
    pathParams = List.copyOf(pathParams);
    Objects.requireNonNull(conditions, "conditions");
  }

  /** A route answering {@code method} on {@code template}, handled by {@code handler}; the rest by name. */
  public static Builder of(HttpMethod method, String template, String handler) {
    return new Builder(method, template, handler);
  }

  public boolean hasName() {
    return !name.isEmpty();
  }

  /** {@code GET /api/projects/{projectId:\d+}}, then its name and conditions when it has them. */
  @Override
  public String toString() {
    return method + " " + template + (hasName() ? " (" + name + ")" : "")
        + (conditions.isEmpty() ? "" : " [" + conditions + "]");
  }

  /** Builds a {@link RouteInfo} with named values, as the generated tables do; unset values keep their defaults. */
  public static final class Builder {
    private final HttpMethod method;
    private final String template;
    private final String handler;
    private String name = "";
    private boolean blocking;
    private List<String> pathParams = List.of();
    private long maxBodySize = -1;
    private long timeoutMillis = -1;
    private List<String> hosts = List.of();
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    private List<String> consumes = List.of();
    private List<String> produces = List.of();

    private Builder(HttpMethod method, String template, String handler) {
      this.method = Objects.requireNonNull(method, "method");
      this.template = Objects.requireNonNull(template, "template");
      this.handler = Objects.requireNonNull(handler, "handler");
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The handler may block, so it runs on the blocking executor. */
    public Builder blocking() {
      this.blocking = true;
      return this;
    }

    public Builder pathParams(String... names) {
      this.pathParams = List.of(names);
      return this;
    }

    public Builder maxBodySize(long bytes) {
      this.maxBodySize = bytes;
      return this;
    }

    public Builder timeoutMillis(long millis) {
      this.timeoutMillis = millis;
      return this;
    }

    /** {@link RouteConditions#hosts()}. */
    public Builder host(String... hosts) {
      this.hosts = List.of(hosts);
      return this;
    }

    /** A {@link RouteConditions#headers()} condition; an empty value asks only for presence. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** {@link RouteConditions#consumes()}. */
    public Builder consumes(String... types) {
      this.consumes = List.of(types);
      return this;
    }

    /** {@link RouteConditions#produces()}. */
    public Builder produces(String... types) {
      this.produces = List.of(types);
      return this;
    }

    public RouteInfo build() {
      RouteConditions conditions = hosts.isEmpty() && headers.isEmpty() && consumes.isEmpty() && produces.isEmpty()
          ? RouteConditions.NONE
          : new RouteConditions(hosts, headers, consumes, produces);
      return new RouteInfo(name, method, template, handler, blocking, pathParams, maxBodySize, timeoutMillis,
          conditions);
    }
  }
}
