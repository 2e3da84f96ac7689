package dev.kiln.redis;

/**
 * A message received on a subscription.
 *
 * @param channel the channel it was published on
 * @param pattern the pattern it matched, for a pattern subscription; else {@code null}
 * @param body what was published
 */
public record Message(String channel, String pattern, String body) {}
