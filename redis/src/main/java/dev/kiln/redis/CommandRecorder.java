package dev.kiln.redis;

import io.lettuce.core.event.command.CommandFailedEvent;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.lettuce.core.event.command.CommandSucceededEvent;
import io.lettuce.core.protocol.RedisCommand;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Lettuce's command hook: a command sent while a {@link CommandLog} records on the sending thread
 * carries that log to its answer, which arrives on Lettuce's I/O thread and is added there.
 */
final class CommandRecorder implements CommandListener {
  private static final String LOG = "kiln.commandLog";
  private static final String STARTED = "kiln.started";

  @Override
  public void commandStarted(CommandStartedEvent event) {
    CommandLog log = CommandLog.current();
    if (log != null) {
      event.getContext().put(LOG, log);
      event.getContext().put(STARTED, System.nanoTime());
    }
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    if (event.getContext().get(LOG) instanceof CommandLog log) {
      log.add(command(event.getCommand(), event.getDuration(), false));
    }
  }

  @Override
  public void commandFailed(CommandFailedEvent event) {
    if (event.getContext().get(LOG) instanceof CommandLog log) {
      long started = (Long) event.getContext().get(STARTED);
      log.add(command(event.getCommand(), Duration.ofNanos(System.nanoTime() - started), true));
    }
  }

  private static CommandLog.Command command(RedisCommand<?, ?, ?> command, Duration took, boolean failed) {
    String name = command.getType().toString();
    return new CommandLog.Command(name, publishes(name) ? channel(command) : null, took, failed);
  }

  private static boolean publishes(String name) {
    return name.equals("PUBLISH") || name.equals("SPUBLISH");
  }

  /** The channel, a publish's first key: decoded from a copy, so the buffer Lettuce writes is not moved. */
  private static String channel(RedisCommand<?, ?, ?> command) {
    ByteBuffer key = command.getArgs() == null ? null : command.getArgs().getFirstEncodedKey();
    return key == null ? null : StandardCharsets.UTF_8.decode(key.duplicate()).toString();
  }
}
