package dev.kiln.redis;

import io.lettuce.core.event.command.CommandFailedEvent;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.lettuce.core.event.command.CommandSucceededEvent;
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
      log.add(new CommandLog.Command(event.getCommand().getType().toString(), event.getDuration(), false));
    }
  }

  @Override
  public void commandFailed(CommandFailedEvent event) {
    if (event.getContext().get(LOG) instanceof CommandLog log) {
      long started = (Long) event.getContext().get(STARTED);
      log.add(new CommandLog.Command(event.getCommand().getType().toString(),
          Duration.ofNanos(System.nanoTime() - started), true));
    }
  }
}
