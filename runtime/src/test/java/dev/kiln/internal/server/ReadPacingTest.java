package dev.kiln.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.Response;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the socket is read and what the exchange sees: one request at a time, pipelined ones held
 * until the answer before them is written, reading on while little is held, one flush per batch.
 */
class ReadPacingTest {
  /** Counts reads and flushes asked of the socket. */
  private final class Socket extends ChannelOutboundHandlerAdapter {
    @Override
    public void read(ChannelHandlerContext ctx) {
      reads++;
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
      flushes++;
      ctx.flush();
    }
  }

  /** Stands for the exchange: records the heads it sees and answers when told. */
  private final class Exchange extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest head) {
        seen.add(head.uri());
      }
      ReferenceCountUtil.release(msg);
    }
  }

  private int reads;
  private int flushes;
  private final List<String> seen = new ArrayList<>();
  private EmbeddedChannel channel;

  @BeforeEach
  void open() throws Exception {
    channel = new EmbeddedChannel(false, false);
    channel.config().setAutoRead(false);
    channel.pipeline().addLast(new Socket(), new ReadPacing(), new Exchange());
    channel.register();
  }

  private void read(String... uris) {
    for (String uri : uris) {
      channel.pipeline().fireChannelRead(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri));
      channel.pipeline().fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
    }
    channel.pipeline().fireChannelReadComplete();
  }

  /** The exchange answers: an answer whose last piece is written at once, as bytes are. */
  private Answer answer(boolean keepAlive) {
    Answer answer = new Answer(Response.text("ok"), null, HttpVersion.HTTP_1_1, false, keepAlive, 0);
    channel.writeOneOutbound(answer);
    answer.written();
    channel.runPendingTasks();
    Object out = channel.readOutbound();
    assertThat(out).isSameAs(answer);
    return answer;
  }

  @Test
  void asksForTheNextReadAtTheEndOfEachRead() {
    assertThat(reads).isEqualTo(1); // when the connection became active
    read("/a");
    assertThat(reads).isEqualTo(2);
  }

  @Test
  void holdsPipelinedRequestsUntilTheAnswerBeforeThemIsWritten() {
    read("/a", "/b", "/c");
    assertThat(seen).containsExactly("/a");
    answer(true);
    assertThat(seen).containsExactly("/a", "/b");
    answer(true);
    assertThat(seen).containsExactly("/a", "/b", "/c");
  }

  @Test
  void answersWrittenOffAReadAreFlushedOncePerBatch() {
    read("/a", "/b");
    flushes = 0;
    answer(true); // from a task: flushed, and /b passed on
    assertThat(flushes).isEqualTo(1);
    assertThat(seen).containsExactly("/a", "/b");
  }

  @Test
  void stopsReadingWhileTooMuchIsHeld() {
    read("/0");
    int before = reads;
    String[] many = new String[ReadPacing.MAX_HELD];
    for (int i = 0; i < many.length; i++) {
      many[i] = "/" + (i + 1);
    }
    read(many); // 32 messages held behind /0
    assertThat(reads).isEqualTo(before);
    while (reads == before) {
      answer(true); // each passes one held request (two messages) on
    }
    // Reading goes on once fewer than MAX_HELD messages wait, not only when none do.
    assertThat(seen.size()).isLessThan(ReadPacing.MAX_HELD + 1).isGreaterThan(ReadPacing.MAX_HELD / 2);
  }

  @Test
  void anAnswerThatClosesDropsWhatIsHeld() {
    read("/a", "/b");
    answer(false);
    assertThat(seen).containsExactly("/a");
    channel.pipeline().fireChannelRead(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/c"));
    assertThat(seen).containsExactly("/a");
  }

  @Test
  void aHalfClosedClientGetsItsAnswersThenTheConnectionCloses() {
    read("/a", "/b");
    channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    assertThat(channel.isOpen()).isTrue();
    answer(true);
    assertThat(seen).containsExactly("/a", "/b");
    assertThat(channel.isOpen()).isTrue();
    answer(true);
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aDrainingServerClosesAConnectionBetweenRequestsOnly() {
    read("/a");
    channel.pipeline().fireUserEventTriggered(ServerState.DRAINING);
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isTrue(); // /a is waiting for its answer
    answer(true);
    channel.pipeline().fireUserEventTriggered(ServerState.DRAINING);
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isFalse();
  }
}
