package dev.kiln.middleware;

import dev.kiln.Middleware;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.TypedKey;
import dev.kiln.internal.text.AsciiSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a sane token, a fresh one
 * otherwise. The id is a request attribute ({@link #KEY}), is in the SLF4J MDC as {@code requestId}
 * while the chain and the handler run, and is echoed on the response.
 *
 * <pre>{@code
 * @Install(value = RequestId.class, order = 10)
 * }</pre>
 */
public final class RequestId implements Middleware.Handler {
  public static final TypedKey<String> KEY = TypedKey.of("requestId", String.class);
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  private static final int MAX_LENGTH = 128;
  private static final AsciiSet ID_CHARS = AsciiSet.alphanumeric().with("-._~:+/=");

  @Override
  public CompletionStage<Response> handle(Request request, Middleware.Next next) {
    String incoming = request.header(HEADER);
    String id = isSane(incoming) ? incoming : newId();
    request.attribute(KEY, id);
    CompletionStage<Response> response;
    MDC.put(MDC_KEY, id);
    try {
      response = next.handle(request);
    } finally {
      MDC.remove(MDC_KEY);
    }
    return response.thenApply(r -> r.header(HEADER) == null ? r.withHeader(HEADER, id) : r);
  }

  /** 128 random bits as 32 hex digits: unique enough for correlation, cheap to make. */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }

  /** Only token characters, so a client's id can neither break a header nor forge a log line. */
  static boolean isSane(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (!ID_CHARS.contains(id.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
