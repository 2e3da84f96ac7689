package dev.kiln.redis;

import java.io.IOException;

/** {@link TestRedis} for tests in other packages. */
public final class TestRedisAccess implements AutoCloseable {
  private final TestRedis redis;

  private TestRedisAccess(TestRedis redis) {
    this.redis = redis;
  }

  public static TestRedisAccess start() throws IOException {
    return new TestRedisAccess(TestRedis.start());
  }

  public RedisSettings settings() {
    return TestRedis.settings(redis.url());
  }

  public void stop() throws IOException {
    redis.stop();
  }

  public void startAgain() throws IOException {
    redis.startAgain();
  }

  /** A condition a test waits on; it may call Redis or the server. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  public static void await(String what, Condition condition) throws Exception {
    TestRedis.await(what, condition);
  }

  @Override
  public void close() throws IOException {
    redis.close();
  }
}
