package dev.kiln.toolbar;

import dev.kiln.Interceptor;
import dev.kiln.Request;
import dev.kiln.redis.CommandLog;
import dev.kiln.redis.RecordRedisCommands;

/**
 * The Redis panel's data, from kiln-redis's {@link CommandLog}: the only class that touches
 * kiln-redis, loaded only by a toolbar built with {@code redis()}.
 */
final class RedisPanel {
  private RedisPanel() {}

  static Interceptor.Handler recorder() {
    return new RecordRedisCommands();
  }

  static void copy(Request request, RequestRecord record) {
    CommandLog log = request.attribute(CommandLog.KEY);
    if (log == null) {
      return;
    }
    record.commands = () -> log.commands().stream().limit(RequestRecord.MAX_ITEMS)
        .map(command -> new RequestRecord.Command(command.name(), command.channel(), command.took().toNanos() / 1e6, command.failed()))
        .toList();
  }
}
