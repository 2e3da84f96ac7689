package dev.kiln.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis PUB/SUB for the process: one link (connection) for every subscription, publishing through
 * the command connection.
 *
 * <pre>{@code
 * Subscription events = redis.pubSub().subscribe("projects", message -> log.info("{}", message.body()));
 * redis.publish("projects", "{\"created\":7}");
 * redis.pubSub().onResubscribed(() -> cache.reloadAll());   // after an outage: resync what was missed
 * }</pre>
 *
 * <p><b>Delivery.</b> Listeners run on a small pool of Kiln threads ({@code kiln-redis-subscriber}),
 * never on Lettuce's I/O thread, each subscription's messages in order and one at a time. Each
 * subscription queues at most {@code redisSubscriberQueue} messages: a listener slower than its
 * channel drops the newest messages beyond that (counted by {@link Subscription#dropped()}, logged
 * once per overflow) and is told with {@link Subscription.Gap#OVERFLOW} once it has caught up, so
 * memory stays bounded whatever the publishers do.
 *
 * <p><b>Outages.</b> A heartbeat PINGs the link every {@code redisHeartbeat}. A link that closed, or
 * did not answer within {@code redisCommandTimeout} (a Redis frozen, or a connection dropped
 * without a FIN), is replaced and every subscription made again, then listeners get
 * {@link Subscription.Gap#RESUBSCRIBED} and {@link #onResubscribed} hooks run: a silent link is
 * detected within heartbeat plus command timeout (7 s by default), a closed one at once. While
 * Redis stays away the heartbeat tries again at each beat.
 */
public final class PubSub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PubSub.class);
  /** Messages a subscription's listener gets per turn on a delivery thread, so one busy channel does not hold it. */
  private static final int BATCH = 64;

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> publisher;
  private final Duration timeout;
  private final int queueSize;
  private final ScheduledExecutorService keeper;
  private final ExecutorService delivery;
  private final Map<String, List<Listening>> channels = new ConcurrentHashMap<>();
  private final Map<String, List<Listening>> patterns = new ConcurrentHashMap<>();
  private final List<Runnable> resubscribedHooks = new CopyOnWriteArrayList<>();
  private final Router router = new Router();
  private volatile StatefulRedisPubSubConnection<String, String> link;
  private volatile boolean closed;
  /** Whether the link is known to be down: the outage is logged once, and its end once. */
  private boolean down;

  private PubSub(RedisClient client, StatefulRedisConnection<String, String> publisher, RedisSettings settings) {
    this.client = client;
    this.publisher = publisher;
    this.timeout = settings.redisCommandTimeout();
    this.queueSize = settings.redisSubscriberQueue();
    this.keeper = Executors.newSingleThreadScheduledExecutor(daemon("kiln-redis-pubsub"));
    this.delivery = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
        daemon("kiln-redis-subscriber"));
  }

  static PubSub start(RedisClient client, StatefulRedisConnection<String, String> publisher,
      RedisSettings settings) {
    PubSub pubSub = new PubSub(client, publisher, settings);
    try {
      pubSub.link = pubSub.connect();
    } catch (RuntimeException e) {
      pubSub.keeper.shutdownNow();
      pubSub.delivery.shutdownNow();
      throw e;
    }
    client.addListener(pubSub.new LinkWatch());
    long beat = settings.redisHeartbeat().toMillis();
    pubSub.keeper.scheduleWithFixedDelay(pubSub::check, beat, beat, TimeUnit.MILLISECONDS);
    return pubSub;
  }

  /** Listens to {@code channel}. */
  public Subscription subscribe(String channel, Subscription.Listener listener) {
    return listen(channels, channel, false, listener);
  }

  /** Listens to every channel matching {@code pattern} ({@code projects.*}, Redis's glob syntax). */
  public Subscription psubscribe(String pattern, Subscription.Listener listener) {
    return listen(patterns, pattern, true, listener);
  }

  /** Publishes {@code message} on {@code channel}; completes with the number of subscribers that got it. */
  public CompletionStage<Long> publish(String channel, String message) {
    return publisher.async().publish(channel, message);
  }

  /** Runs {@code hook} (on a delivery thread) each time the link was re-established after an outage. */
  public void onResubscribed(Runnable hook) {
    resubscribedHooks.add(hook);
  }

  /** Whether the link is up: for a health check. */
  public boolean connected() {
    StatefulRedisPubSubConnection<String, String> current = link;
    return current != null && current.isOpen();
  }

  @Override
  public void close() {
    closed = true;
    keeper.shutdownNow();
    StatefulRedisPubSubConnection<String, String> current = link;
    link = null;
    if (current != null) {
      current.close();
    }
    client.shutdown(0, 2, TimeUnit.SECONDS);
    delivery.shutdownNow();
  }

  private Subscription listen(Map<String, List<Listening>> registry, String name, boolean pattern,
      Subscription.Listener listener) {
    if (closed) {
      throw new IllegalStateException("PUB/SUB is closed");
    }
    Listening listening = new Listening(name, pattern, listener);
    boolean[] first = new boolean[1];
    registry.compute(name, (key, list) -> {
      List<Listening> listeners = list != null ? list : new CopyOnWriteArrayList<>();
      first[0] = listeners.isEmpty();
      listeners.add(listening);
      return listeners;
    });
    StatefulRedisPubSubConnection<String, String> current = link;
    if (!first[0] || current == null) {
      // Already subscribed, or down: the next link subscribes to everything registered.
      listening.ready.complete(null);
    } else {
      (pattern ? current.async().psubscribe(name) : current.async().subscribe(name)).whenComplete((ok, failure) -> {
        if (failure != null) {
          listening.ready.completeExceptionally(failure);
        } else {
          listening.ready.complete(null);
        }
      });
    }
    return listening;
  }

  private void stopListening(Listening listening) {
    Map<String, List<Listening>> registry = listening.pattern ? patterns : channels;
    boolean[] last = new boolean[1];
    registry.computeIfPresent(listening.name, (key, list) -> {
      list.remove(listening);
      last[0] = list.isEmpty();
      return list.isEmpty() ? null : list;
    });
    StatefulRedisPubSubConnection<String, String> current = link;
    if (last[0] && current != null && current.isOpen()) {
      if (listening.pattern) {
        current.async().punsubscribe(listening.name);
      } else {
        current.async().unsubscribe(listening.name);
      }
    }
  }

  /** The heartbeat: PING the link, or replace it. Runs on the keeper thread only. */
  private void check() {
    if (closed) {
      return;
    }
    StatefulRedisPubSubConnection<String, String> current = link;
    if (current != null && current.isOpen()) {
      try {
        current.async().ping().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.warn("Redis PUB/SUB link did not answer a PING within {} ms ({}); replacing it", timeout.toMillis(),
            e.toString());
      }
    }
    replace(current);
  }

  private void replace(StatefulRedisPubSubConnection<String, String> old) {
    link = null;
    if (old != null) {
      old.closeAsync();
    }
    StatefulRedisPubSubConnection<String, String> fresh;
    try {
      fresh = connect();
    } catch (RuntimeException e) {
      if (!down) {
        down = true;
        LOG.warn("Redis PUB/SUB link is down ({}); trying again at each heartbeat", e.toString());
      }
      return;
    }
    if (closed) {
      fresh.close();
      return;
    }
    link = fresh;
    down = false;
    LOG.info("Redis PUB/SUB link re-established: {} channels and {} patterns subscribed again", channels.size(),
        patterns.size());
    for (List<Listening> listeners : channels.values()) {
      listeners.forEach(listening -> listening.gap(Subscription.Gap.RESUBSCRIBED));
    }
    for (List<Listening> listeners : patterns.values()) {
      listeners.forEach(listening -> listening.gap(Subscription.Gap.RESUBSCRIBED));
    }
    for (Runnable hook : resubscribedHooks) {
      delivery.execute(() -> {
        try {
          hook.run();
        } catch (RuntimeException e) {
          LOG.warn("A PUB/SUB resubscribed hook failed", e);
        }
      });
    }
  }

  /** A new link, subscribed to every channel and pattern registered; fails within the command timeout. */
  private StatefulRedisPubSubConnection<String, String> connect() {
    StatefulRedisPubSubConnection<String, String> fresh = client.connectPubSub();
    try {
      fresh.addListener(router);
      String[] names = channels.keySet().toArray(new String[0]);
      if (names.length > 0) {
        fresh.async().subscribe(names).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      String[] globs = patterns.keySet().toArray(new String[0]);
      if (globs.length > 0) {
        fresh.async().psubscribe(globs).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      return fresh;
    } catch (Exception e) {
      fresh.closeAsync();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw e instanceof RuntimeException runtime ? runtime : new io.lettuce.core.RedisException(e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** On Lettuce's I/O thread: hands each message to its subscriptions' queues, nothing more. */
  private final class Router extends RedisPubSubAdapter<String, String> {
    @Override
    public void message(String channel, String message) {
      List<Listening> listeners = channels.get(channel);
      if (listeners != null) {
        Message received = new Message(channel, null, message);
        listeners.forEach(listening -> listening.offer(received));
      }
    }

    @Override
    public void message(String pattern, String channel, String message) {
      List<Listening> listeners = patterns.get(pattern);
      if (listeners != null) {
        Message received = new Message(channel, pattern, message);
        listeners.forEach(listening -> listening.offer(received));
      }
    }
  }

  /** A closed link is replaced at once rather than at the next beat. */
  private final class LinkWatch implements RedisConnectionStateListener {
    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {}

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
      if (!closed && connection == link) {
        keeper.execute(PubSub.this::check);
      }
    }

    @Override
    public void onRedisExceptionCaught(RedisChannelHandler<?, ?> connection, Throwable cause) {}
  }

  /** One subscription: its bounded queue, drained on a delivery thread by one turn at a time. */
  private final class Listening implements Subscription {
    private final String name;
    private final boolean pattern;
    private final Listener listener;
    private final java.util.concurrent.ArrayBlockingQueue<Object> queue;
    private final java.util.concurrent.atomic.AtomicBoolean scheduled = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** Set on the I/O thread when a message is dropped; the drain reports it once caught up. */
    private volatile boolean overflowed;
    private volatile boolean open = true;

    Listening(String name, boolean pattern, Listener listener) {
      this.name = name;
      this.pattern = pattern;
      this.listener = listener;
      // One slot more than the messages: a gap is queued in order even when messages fill the rest.
      this.queue = new java.util.concurrent.ArrayBlockingQueue<>(queueSize + 1);
    }

    void offer(Message message) {
      if (queue.remainingCapacity() <= 1 || !queue.offer(message)) {
        dropped.incrementAndGet();
        if (!overflowed) {
          overflowed = true;
          LOG.warn("PUB/SUB subscriber of {} is {} messages behind: dropping new ones until it catches up", name,
              queueSize);
        }
      }
      schedule();
    }

    void gap(Gap gap) {
      queue.offer(gap); // the reserved slot; a gap already waiting says the same
      schedule();
    }

    private void schedule() {
      if (open && scheduled.compareAndSet(false, true)) {
        try {
          delivery.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          scheduled.set(false); // closing
        }
      }
    }

    private void drain() {
      try {
        for (int i = 0; i < BATCH && open; i++) {
          Object next = queue.poll();
          if (next == null) {
            break;
          }
          if (next instanceof Message message) {
            deliver(() -> listener.onMessage(message));
          } else {
            deliver(() -> listener.onGap((Gap) next));
          }
        }
        if (overflowed && queue.isEmpty()) {
          overflowed = false;
          deliver(() -> listener.onGap(Gap.OVERFLOW));
        }
      } finally {
        scheduled.set(false);
      }
      if (!queue.isEmpty() || overflowed) {
        schedule();
      }
    }

    private void deliver(ThrowingRunnable call) {
      try {
        call.run();
      } catch (Exception | LinkageError e) {
        LOG.warn("A PUB/SUB listener of {} failed", name, e);
      }
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean isPattern() {
      return pattern;
    }

    @Override
    public CompletionStage<Void> ready() {
      return ready;
    }

    @Override
    public long dropped() {
      return dropped.get();
    }

    @Override
    public int queued() {
      return queue.size();
    }

    @Override
    public void close() {
      if (open) {
        open = false;
        stopListening(this);
        queue.clear();
      }
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
