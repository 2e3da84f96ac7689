package com.example.wired;

import java.util.List;

/** Where notes live. */
public interface NoteStore {
  Note add(String text);

  List<Note> all();
}
