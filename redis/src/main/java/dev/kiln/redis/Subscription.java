package dev.kiln.redis;

import java.util.concurrent.CompletionStage;

/** A channel or pattern subscription of {@link PubSub}; closing it unsubscribes. */
public interface Subscription extends AutoCloseable {
  /** What a subscription listens with: messages in order, one at a time, off Lettuce's I/O thread. */
  @FunctionalInterface
  interface Listener {
    void onMessage(Message message) throws Exception;

    /**
     * Messages may have been missed: the link to Redis was re-established ({@link Gap#RESUBSCRIBED};
     * Redis does not keep messages for absent subscribers), or this listener fell so far behind
     * that its queue overflowed ({@link Gap#OVERFLOW}). Resynchronise what the messages maintain.
     * Called in order with the messages, after those queued before the gap.
     */
    default void onGap(Gap gap) throws Exception {}
  }

  /** Why messages may have been missed. */
  enum Gap {
    /** The link to Redis dropped or went silent, and was re-established with every subscription. */
    RESUBSCRIBED,
    /** The listener was slower than the messages and its queue was full: newer messages were dropped. */
    OVERFLOW
  }

  /** The channel or pattern. */
  String name();

  /** Whether {@link #name()} is a pattern ({@code projects.*}). */
  boolean isPattern();

  /** Completes when Redis has confirmed the subscription: publish after it to be heard. */
  CompletionStage<Void> ready();

  /** Messages dropped because the queue was full. */
  long dropped();

  /** Messages waiting for the listener now. */
  int queued();

  /** Stops listening; the last subscription of a channel unsubscribes from Redis. */
  @Override
  void close();
}
