package dev.kiln.redis;

import static dev.kiln.redis.TestRedis.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** PUB/SUB against a real Redis: across instances, through a restart, a frozen Redis and a slow listener. */
class PubSubTest {
  @Test
  void aMessagePublishedByOneInstanceReachesTheOthersChannelAndPatternListeners() throws Exception {
    try (TestRedis server = TestRedis.start();
        Redis first = Redis.open(TestRedis.settings(server.url()));
        Redis second = Redis.open(TestRedis.settings(server.url()))) {
      List<Message> onChannel = new CopyOnWriteArrayList<>();
      List<Message> onPattern = new CopyOnWriteArrayList<>();
      Subscription channel = first.pubSub().subscribe("projects", onChannel::add);
      Subscription pattern = first.pubSub().psubscribe("projects.*", onPattern::add);
      channel.ready().toCompletableFuture().get(5, TimeUnit.SECONDS);
      pattern.ready().toCompletableFuture().get(5, TimeUnit.SECONDS);

      assertThat(second.publish("projects", "created 7").toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(1);
      second.publish("projects.7", "renamed").toCompletableFuture().get(5, TimeUnit.SECONDS);
      await("the messages did not arrive", () -> onChannel.size() == 1 && onPattern.size() == 1);
      assertThat(onChannel).containsExactly(new Message("projects", null, "created 7"));
      assertThat(onPattern).containsExactly(new Message("projects.7", "projects.*", "renamed"));

      // Closing stops delivery at once; Redis drops the channel when the UNSUBSCRIBE reply arrives.
      channel.close();
      await("Redis still counts the closed subscriber", () ->
          second.publish("projects", "after close").toCompletableFuture().get(5, TimeUnit.SECONDS) == 0);
      assertThat(onChannel).hasSize(1);
    }
  }

  @Test
  void afterRedisRestartsTheSubscriptionReceivesAgainAndTheAppIsTold() throws Exception {
    try (TestRedis server = TestRedis.start(); Redis redis = Redis.open(TestRedis.settings(server.url()))) {
      List<String> received = new CopyOnWriteArrayList<>();
      List<Subscription.Gap> gaps = new CopyOnWriteArrayList<>();
      AtomicInteger resubscribed = new AtomicInteger();
      redis.pubSub().onResubscribed(resubscribed::incrementAndGet);
      redis.pubSub().subscribe("events", new Subscription.Listener() {
        @Override
        public void onMessage(Message message) {
          received.add(message.body());
        }

        @Override
        public void onGap(Subscription.Gap gap) {
          gaps.add(gap);
        }
      }).ready().toCompletableFuture().get(5, TimeUnit.SECONDS);
      redis.publish("events", "before").toCompletableFuture().get(5, TimeUnit.SECONDS);
      await("no message before the restart", () -> received.contains("before"));

      server.stop();
      await("the link was not seen down", () -> !redis.pubSub().connected());
      server.startAgain();
      await("not resubscribed after the restart", () -> resubscribed.get() == 1);
      await("the listener was not told", () -> gaps.contains(Subscription.Gap.RESUBSCRIBED));

      // The command connection reconnects by itself; publish once it does.
      await("publishing did not recover", () -> {
        try {
          return redis.publish("events", "after").toCompletableFuture().get(5, TimeUnit.SECONDS) == 1;
        } catch (Exception e) {
          return false;
        }
      });
      await("no message after the restart", () -> received.contains("after"));
    }
  }

  @Test
  void aLinkThatGoesSilentIsDetectedAndReplaced() throws Exception {
    try (TestRedis server = TestRedis.start(); Redis redis = Redis.open(TestRedis.settings(server.url()))) {
      List<String> received = new CopyOnWriteArrayList<>();
      AtomicInteger resubscribed = new AtomicInteger();
      redis.pubSub().onResubscribed(resubscribed::incrementAndGet);
      redis.pubSub().subscribe("events", message -> received.add(message.body()))
          .ready().toCompletableFuture().get(5, TimeUnit.SECONDS);

      server.freeze(); // no RST, no FIN: the connections stay open and silent
      try {
        await("the silent link was not detected", () -> !redis.pubSub().connected());
      } finally {
        server.thaw();
      }
      await("not resubscribed after the freeze", () -> resubscribed.get() >= 1);
      await("publishing did not recover", () -> {
        try {
          return redis.publish("events", "thawed").toCompletableFuture().get(5, TimeUnit.SECONDS) >= 1;
        } catch (Exception e) {
          return false;
        }
      });
      await("no message on the new link", () -> received.contains("thawed"));
    }
  }

  @Test
  void aSlowListenerQueuesAtMostItsBoundDropsTheRestAndIsToldOnceCaughtUp() throws Exception {
    int bound = 10;
    try (TestRedis server = TestRedis.start(); Redis redis = Redis.open(TestRedis.settings(server.url(), bound))) {
      CountDownLatch release = new CountDownLatch(1);
      List<String> received = new CopyOnWriteArrayList<>();
      List<Subscription.Gap> gaps = new CopyOnWriteArrayList<>();
      Subscription slow = redis.pubSub().subscribe("firehose", new Subscription.Listener() {
        @Override
        public void onMessage(Message message) throws InterruptedException {
          release.await();
          received.add(message.body());
        }

        @Override
        public void onGap(Subscription.Gap gap) {
          gaps.add(gap);
        }
      });
      slow.ready().toCompletableFuture().get(5, TimeUnit.SECONDS);

      int sent = 200;
      for (int i = 0; i < sent; i++) {
        redis.publish("firehose", "m" + i);
      }
      // One message is with the listener, `bound` wait; the rest were dropped, not queued.
      await("the messages were not all handled", () -> slow.dropped() + slow.queued() + 1 == sent);
      assertThat(slow.queued()).isEqualTo(bound);
      assertThat(slow.dropped()).isEqualTo(sent - bound - 1);

      release.countDown();
      await("the queue did not drain", () -> received.size() == bound + 1);
      await("the listener was not told of the overflow", () -> gaps.equals(List.of(Subscription.Gap.OVERFLOW)));
      assertThat(received).startsWith("m0", "m1").hasSize(bound + 1);

      redis.publish("firehose", "later");
      await("no message after catching up", () -> received.contains("later"));
    }
  }
}
