package com.example.wired;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Notes in memory, one store for the whole application. */
@Singleton
public final class InMemoryNoteStore implements NoteStore {
  private final AtomicLong ids = new AtomicLong();
  private final List<Note> notes = new CopyOnWriteArrayList<>();

  @Inject
  InMemoryNoteStore() {}

  @Override
  public Note add(String text) {
    Note note = new Note(ids.incrementAndGet(), text);
    notes.add(note);
    return note;
  }

  @Override
  public List<Note> all() {
    return List.copyOf(notes);
  }
}
