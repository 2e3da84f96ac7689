package com.example.wired;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.kiln.Router;
import javax.inject.Singleton;

/**
 * Hands the instances Dagger made to the generated builder, one named setter each. A handler the
 * routes gain later that the table cannot make itself ({@code new T()}) makes {@code build()} throw,
 * naming its setter, the first time the component makes the router: in the test, not in production.
 */
@Module
public interface RoutesModule {
  @Binds
  NoteStore store(InMemoryNoteStore store);

  @Provides
  @Singleton
  static Router router(NoteViews noteViews, ApiKey apiKey) {
    return WiredAppRoutes.builder()
        .noteViews(noteViews)
        .apiKey(apiKey)
        .build();
  }
}
