package dev.kiln.reload;

import dev.kiln.server.Server;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * How {@link Reloader#startMain} gets a generation's server from its {@code main}: it runs that
 * {@code main} with a slot set on the thread, and {@link dev.kiln.launch.Kiln#run} fills the slot
 * instead of serving. No logger here: {@code Kiln.run} calls {@link #offer} before the settings
 * have chosen the log format.
 */
public final class MainHandOver {
  private static final ThreadLocal<Server.Builder[]> SLOT = new ThreadLocal<>();

  private MainHandOver() {}

  /**
   * For {@code Kiln.run}: when a reloader is starting a generation's {@code main} on this thread,
   * configures it with {@code configure}, hands it over and answers {@code true}.
   */
  public static boolean offer(Reloadable configure, String[] args) throws Exception {
    Server.Builder[] slot = SLOT.get();
    if (slot == null) {
      return false;
    }
    slot[0] = configure.configure(args);
    return true;
  }

  /** Runs {@code mainClass}'s {@code main} from {@code loader} and takes what its {@code Kiln.run} configured. */
  static Server.Builder run(String mainClass, ClassLoader loader, String[] args) throws Exception {
    Server.Builder[] slot = new Server.Builder[1];
    SLOT.set(slot);
    try {
      Method main = Class.forName(mainClass, true, loader).getMethod("main", String[].class);
      main.setAccessible(true); // a main class need not be public
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    } finally {
      SLOT.remove();
    }
    if (slot[0] == null) {
      throw new IllegalStateException(mainClass + ".main returned without calling Kiln.run, so there is no "
          + "server to reload");
    }
    return slot[0];
  }
}
