package com.example.wired;

import dev.kiln.Body;
import dev.kiln.HttpMethod;
import dev.kiln.Route;
import dev.kiln.Routes;
import java.util.List;
import javax.inject.Inject;

/** The notes API; Dagger passes it the store. */
@Routes(prefix = "/api/notes", name = "notes")
public final class NoteViews {
  private final NoteStore store;

  @Inject
  NoteViews(NoteStore store) {
    this.store = store;
  }

  @Route(path = "", name = "list")
  public List<Note> list() {
    return store.all();
  }

  @Route(method = HttpMethod.POST, path = "", name = "add")
  public Note add(@Body NewNote note) {
    return store.add(note.text());
  }
}
