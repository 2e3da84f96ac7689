package ${package}.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Notes in memory: replace it with a database when the app grows. */
public final class NoteStore {
  private final Map<Long, Note> notes = new ConcurrentSkipListMap<>();
  private final AtomicLong ids = new AtomicLong();

  public List<Note> all() {
    return List.copyOf(notes.values());
  }

  public Optional<Note> find(long id) {
    return Optional.ofNullable(notes.get(id));
  }

  public Note add(String title, String text) {
    Note note = new Note(ids.incrementAndGet(), title, text == null ? "" : text);
    notes.put(note.id(), note);
    return note;
  }
}
