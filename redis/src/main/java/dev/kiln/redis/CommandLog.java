package dev.kiln.redis;

import dev.kiln.TypedKey;
import dev.kiln.internal.http.ThreadRecording;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis commands one request sent, in order, for the debug toolbar and for tests: each
 * command's name ({@code GET}, {@code PUBLISH}; never its keys or values, except the channel a
 * message is published to), how long Redis took to answer, and whether it failed. A request that {@link RecordRedisCommands} wraps carries one under
 * {@link #KEY}.
 */
public final class CommandLog {
  /** Where a request keeps its log: {@code request.attribute(CommandLog.KEY)}. */
  public static final TypedKey<CommandLog> KEY = TypedKey.of("redisCommands", CommandLog.class);

  private static final ThreadRecording<CommandLog> RECORDING = new ThreadRecording<>();

  /**
   * One command: its name, the channel of a {@code PUBLISH} or {@code SPUBLISH} ({@code null} for any
   * other command), its time from being sent to being answered, whether it failed.
   */
  public record Command(String name, String channel, Duration took, boolean failed) {}

  private final List<Command> commands = new ArrayList<>();

  /**
   * The commands answered so far, in the order they were answered. A command's record is added on
   * Lettuce's thread as its answer arrives, which can be a moment after the caller saw the answer.
   */
  public synchronized List<Command> commands() {
    return List.copyOf(commands);
  }

  synchronized void add(Command command) {
    commands.add(command);
  }

  /** Records what runs on this thread into {@code log} until the returned scope closes. */
  static ThreadRecording.Scope recordOnThisThread(CommandLog log) {
    return RECORDING.open(log);
  }

  static CommandLog current() {
    return RECORDING.current();
  }
}
