package dev.kiln.internal.http;

import dev.kiln.Request;
import dev.kiln.TypedKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The templates one request rendered, with their times, for the debug toolbar. The generated
 * {@code <App>Templates} methods call {@link #rendered} after each render; it keeps nothing unless
 * the toolbar records the handler's thread ({@link #recordFor}), so a production request pays a
 * {@code nanoTime} and a thread-local read per template.
 */
public final class TemplateLog {
  /** Where a request keeps its log. */
  public static final TypedKey<TemplateLog> KEY = TypedKey.of("templates", TemplateLog.class);
  private static final ThreadRecording<TemplateLog> RECORDING = new ThreadRecording<>();
  private static final int MAX = 200;

  /** One render: the template's file and how long it took. */
  public record Render(String template, long nanos) {}

  private final List<Render> renders = new ArrayList<>();

  /** Called by generated code once {@code template} is rendered; {@code startedNanos} from {@link System#nanoTime()}. */
  public static void rendered(String template, long startedNanos) {
    TemplateLog log = RECORDING.current();
    if (log != null) {
      log.add(new Render(template, System.nanoTime() - startedNanos));
    }
  }

  /** Records the renders on this thread into the request's log (made if it has none) until the scope closes. */
  public static ThreadRecording.Scope recordFor(Request request) {
    TemplateLog log = request.attribute(KEY);
    if (log == null) {
      log = new TemplateLog();
      request.attribute(KEY, log);
    }
    return RECORDING.open(log);
  }

  public synchronized List<Render> renders() {
    return List.copyOf(renders);
  }

  private synchronized void add(Render render) {
    if (renders.size() < MAX) {
      renders.add(render);
    }
  }
}
