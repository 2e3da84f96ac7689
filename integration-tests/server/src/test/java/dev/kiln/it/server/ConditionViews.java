package dev.kiln.it.server;

import dev.kiln.Body;
import dev.kiln.HttpMethod;
import dev.kiln.Response;
import dev.kiln.Route;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Routes told apart by their conditions, for the socket tests; static, so the table needs no instance. */
public final class ConditionViews {
  /** Counts handler calls, so a test can show a refused request reached none. */
  static final AtomicInteger CALLS = new AtomicInteger();

  private ConditionViews() {}

  public record Note(String title) {}

  @Route(method = HttpMethod.POST, path = "/c/notes", consumes = Route.JSON)
  public static String noteFromJson(@Body Note note) {
    CALLS.incrementAndGet();
    return "json:" + note.title();
  }

  @Route(method = HttpMethod.POST, path = "/c/notes", consumes = Route.FORM)
  public static String noteFromForm(@Body Note note) {
    CALLS.incrementAndGet();
    return "form:" + note.title();
  }

  @Route(path = "/c/report", produces = Route.HTML)
  public static Response reportPage() {
    CALLS.incrementAndGet();
    return Response.html("<p>report</p>");
  }

  @Route(path = "/c/report", produces = Route.JSON)
  public static List<String> report() {
    CALLS.incrementAndGet();
    return List.of("report");
  }

  @Route(path = "/c/admin", host = "admin.example.com")
  public static String admin() {
    CALLS.incrementAndGet();
    return "admin";
  }
}
