package dev.kiln.toolbar;

import dev.kiln.Default;
import dev.kiln.Doc;
import jakarta.validation.constraints.Positive;

/**
 * The debug toolbar's settings, for an application's {@code @Settings} interface to extend beside
 * {@code ServerSettings}. The toolbar is on only in debug mode, and only on a loopback address unless
 * {@code debugToolbarAnyHost} says otherwise.
 */
public interface ToolbarSettings {
  @Doc("Show the debug toolbar in debug mode (it never runs outside debug mode)")
  @Default("true")
  boolean debugToolbar();

  @Doc("Also show the debug toolbar when the server listens beyond loopback: anyone who reaches it sees every request")
  @Default("false")
  boolean debugToolbarAnyHost();

  @Doc("Requests the debug toolbar keeps, newest first; older ones are dropped")
  @Default("100")
  @Positive
  int debugToolbarRequests();
}
