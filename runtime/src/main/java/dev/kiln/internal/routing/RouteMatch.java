package dev.kiln.internal.routing;

import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.internal.text.PercentCodec;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The reusable result of {@link RouteTable#match}: the endpoint found, the bounds of each path
 * parameter in the canonical path, the methods seen on paths that matched for another method, and
 * why routes whose path and method matched did not take the request ({@link EndpointChoice}).
 *
 * <p>One instance serves one request at a time (a connection reuses it), so matching allocates
 * nothing: regex constraints run on cached {@link Matcher}s, parameters are kept as offsets.
 */
public final class RouteMatch {
  private final int[] bounds;
  private final Matcher[] matchers;
  private Endpoint endpoint;
  private int allowed;
  private HttpError refusal;
  /** The head of the request being matched, for route conditions; set by the caller, kept across {@link #reset}. */
  private HttpHeaders headers = EmptyHttpHeaders.INSTANCE;

  public RouteMatch(int maxParams, int patternCount) {
    this.bounds = new int[2 * maxParams];
    this.matchers = new Matcher[patternCount];
  }

  /** Forgets the previous match; {@link RouteTable#match} calls it first. */
  public void reset() {
    endpoint = null;
    allowed = 0;
    refusal = null;
  }

  /** The headers of the request about to be matched: routes with conditions read them. */
  public RouteMatch headers(HttpHeaders headers) {
    this.headers = headers != null ? headers : EmptyHttpHeaders.INSTANCE;
    return this;
  }

  /** Lets {@code choice} pick the endpoint by the request's headers; {@code false} when none of its routes takes it. */
  public boolean choose(EndpointChoice choice) {
    return choice.choose(this, headers);
  }

  /** Records why routes that matched path and method did not take the request; the first reason stands. */
  void refuse(HttpError error) {
    if (refusal == null) {
      refusal = error;
    }
  }

  /**
   * For a request nothing took: the answer owed because routes of its path and method had unmet
   * conditions (415, 406), or {@code null} for a plain 404 or 405.
   */
  public HttpError refusal() {
    return endpoint == null ? refusal : null;
  }

  /** Records path parameter {@code index} as {@code path[start, end)}. */
  public void capture(int index, int start, int end) {
    bounds[2 * index] = start;
    bounds[2 * index + 1] = end;
  }

  /** Records the endpoint found; returns {@code true} so a matcher can {@code return match.found(e)}. */
  public boolean found(Endpoint endpoint) {
    this.endpoint = endpoint;
    return true;
  }

  /** Records methods a matched path allows (bits of {@link HttpMethod#bit()}); returns {@code false}. */
  public boolean allow(int methodBits) {
    allowed |= methodBits;
    return false;
  }

  /**
   * Whether {@code pattern} matches the decoded value of {@code path[start, end)} as a whole. The
   * raw text is matched in place when it has no escapes, which is the common case.
   */
  public boolean matches(SegmentPattern pattern, String path, int start, int end) {
    Matcher matcher = matchers[pattern.slot()];
    if (matcher == null) {
      matcher = matchers[pattern.slot()] = pattern.pattern().matcher("");
    }
    int escape = path.indexOf('%', start);
    if (escape < 0 || escape >= end) {
      return matcher.reset(path).region(start, end).matches();
    }
    String decoded;
    try {
      decoded = PercentCodec.decode(path, start, end);
    } catch (IllegalArgumentException notUtf8) {
      return false;
    }
    return matcher.reset(decoded).matches();
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /** Whether the path matched some route, but none for the request's method. */
  public boolean isMethodNotAllowed() {
    return endpoint == null && refusal == null && allowed != 0;
  }

  /** The methods the path allows, for a 405's {@code Allow} header. */
  public Set<HttpMethod> allowedMethods() {
    Set<HttpMethod> methods = EnumSet.noneOf(HttpMethod.class);
    for (HttpMethod method : HttpMethod.values()) {
      if ((allowed & method.bit()) != 0) {
        methods.add(method);
      }
    }
    return methods;
  }

  /** Start of parameter {@code index} in the canonical path. */
  public int start(int index) {
    return bounds[2 * index];
  }

  /** End (exclusive) of parameter {@code index} in the canonical path. */
  public int end(int index) {
    return bounds[2 * index + 1];
  }
}
