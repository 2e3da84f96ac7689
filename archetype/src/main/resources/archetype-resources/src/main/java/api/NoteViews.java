package ${package}.api;

import ${package}.${appName}Urls;
import dev.kiln.Body;
import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Routes;
import java.util.List;

/** The JSON API, a route group: every path starts with /api and every route name with "api.". */
@Routes(prefix = "/api", name = "api")
public final class NoteViews {
  private final NoteStore notes;

  public NoteViews(NoteStore notes) {
    this.notes = notes;
  }

  /** Every note, as JSON. */
  @Route(path = "/notes", name = "notes")
  public List<Note> notes() {
    return notes.all();
  }

  /** One note; a 404 when there is none. The path only matches digits, and binds them as a long. */
  @Route(path = "/notes/{noteId:\\d+}", name = "note")
  public Note note(long noteId) {
    return notes.find(noteId).orElseThrow(() -> HttpError.notFound("no note " + noteId));
  }

  /** Adds a note sent as JSON (validated first) and answers 201 with its URL, built by the typed URL builder. */
  @Route(method = HttpMethod.POST, path = "/notes", name = "addNote")
  public Response addNote(@Body NewNote note) {
    Note added = notes.add(note.title(), note.text());
    return Response.json(201, added).withHeader("Location", ${appName}Urls.api().note(added.id()).toString());
  }
}
