package dev.kiln.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How answers become HTTP objects, body kind by body kind, fed through an {@link EmbeddedChannel}. */
class ResponseEncoderTest {
  @TempDir
  Path files;

  private static EmbeddedChannel channel(boolean zeroCopy) {
    return new EmbeddedChannel(new ResponseEncoder(Runnable::run, dev.kiln.JsonCodec.standard(), zeroCopy, 1000));
  }

  private static Answer answer(Response response, HttpVersion version, boolean head, boolean keepAlive) {
    return new Answer(response, null, version, head, keepAlive, System.nanoTime());
  }

  /** Every outbound message, tasks run first. */
  private static List<Object> written(EmbeddedChannel channel) {
    channel.runPendingTasks();
    List<Object> out = new ArrayList<>();
    for (Object msg; (msg = channel.readOutbound()) != null; ) {
      out.add(msg);
    }
    return out;
  }

  private static String content(List<Object> messages) {
    StringBuilder text = new StringBuilder();
    for (Object msg : messages) {
      if (msg instanceof HttpContent content) {
        text.append(content.content().toString(StandardCharsets.ISO_8859_1));
      }
      ReferenceCountUtil.release(msg);
    }
    return text.toString();
  }

  @Test
  void bytesGoInOneMessageWithTheirLengthDateAndServer() {
    EmbeddedChannel channel = channel(true);
    channel.writeAndFlush(answer(Response.text("hello"), HttpVersion.HTTP_1_1, false, true));
    List<Object> out = written(channel);
    assertThat(out).hasSize(1);
    FullHttpResponse response = (FullHttpResponse) out.get(0);
    assertThat(response.headers().get("Content-Length")).isEqualTo("5");
    assertThat(response.headers().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.headers().get("Server")).isEqualTo("Kiln");
    assertThat(response.headers().get("Date")).endsWith("GMT");
    assertThat(response.headers().get("Connection")).isNull();
    assertThat(content(out)).isEqualTo("hello");
  }

  @Test
  void connectionHeadersFollowKeepAliveAndVersion() {
    EmbeddedChannel channel = channel(true);
    channel.writeAndFlush(answer(Response.text("a"), HttpVersion.HTTP_1_1, false, false));
    channel.writeAndFlush(answer(Response.text("b"), HttpVersion.HTTP_1_0, false, true));
    List<Object> out = written(channel);
    assertThat(((HttpResponse) out.get(0)).headers().get("Connection")).isEqualTo("close");
    assertThat(((HttpResponse) out.get(1)).headers().get("Connection")).isEqualTo("keep-alive");
    assertThat(((HttpResponse) out.get(1)).protocolVersion()).isEqualTo(HttpVersion.HTTP_1_0);
    content(out);
  }

  @Test
  void aHeadAnswerHasTheLengthButNoBody() {
    EmbeddedChannel channel = channel(true);
    channel.writeAndFlush(answer(Response.text("hello"), HttpVersion.HTTP_1_1, true, true));
    List<Object> out = written(channel);
    assertThat(((HttpResponse) out.get(0)).headers().get("Content-Length")).isEqualTo("5");
    assertThat(content(out)).isEmpty();
  }

  @Test
  void aFileGoesAsAFileRegionWhenNothingTransformsIt() throws IOException {
    Path file = Files.writeString(files.resolve("a.txt"), "0123456789");
    EmbeddedChannel channel = channel(true);
    channel.writeAndFlush(answer(Response.file(file, 2, 5, "text/plain"), HttpVersion.HTTP_1_1, false, true));
    List<Object> out = written(channel);
    assertThat(out).hasSize(3);
    assertThat(((HttpResponse) out.get(0)).headers().get("Content-Length")).isEqualTo("5");
    DefaultFileRegion region = (DefaultFileRegion) out.get(1);
    assertThat(region.position()).isEqualTo(2);
    assertThat(region.count()).isEqualTo(5);
    assertThat(out.get(2)).isEqualTo(LastHttpContent.EMPTY_LAST_CONTENT);
    out.forEach(ReferenceCountUtil::release);
  }

  @Test
  void aFileGoesInChunksWhenTheTransportCannotSendIt() throws IOException {
    Path file = files.resolve("big.txt");
    Files.writeString(file, "x".repeat(200_000));
    EmbeddedChannel channel = channel(false);
    channel.writeAndFlush(answer(Response.file(file), HttpVersion.HTTP_1_1, false, true));
    assertThat(channel.pipeline().get(ChunkedWriteHandler.class)).isNotNull();
    List<Object> out = written(channel);
    assertThat(((HttpResponse) out.get(0)).headers().get("Content-Length")).isEqualTo("200000");
    assertThat(((HttpResponse) out.get(0)).headers().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(out.stream().filter(HttpContent.class::isInstance).count()).isGreaterThan(2);
    assertThat(out.get(out.size() - 1)).isInstanceOf(LastHttpContent.class);
    assertThat(content(out)).isEqualTo("x".repeat(200_000));
  }

  @Test
  void aStreamOfUnknownLengthIsChunkedAndEndsWithTheLastContent() {
    EmbeddedChannel channel = channel(true);
    Answer answer = answer(Response.stream("text/plain", out -> {
      out.write("one".getBytes(StandardCharsets.UTF_8));
      out.flush();
      out.write("two".getBytes(StandardCharsets.UTF_8));
    }), HttpVersion.HTTP_1_1, false, true);
    AtomicBoolean written = new AtomicBoolean();
    answer.whenWritten(() -> written.set(true));
    channel.writeAndFlush(answer);
    List<Object> out = written(channel);
    HttpResponse head = (HttpResponse) out.get(0);
    assertThat(head.headers().get("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(head.headers().get("Content-Length")).isNull();
    assertThat(out).hasSize(4); // head, "one", "two", last
    assertThat(out.get(3)).isInstanceOf(LastHttpContent.class);
    assertThat(written).isTrue();
    assertThat(content(out)).isEqualTo("onetwo");
  }

  @Test
  void aStreamOfKnownLengthSaysItsLength() {
    EmbeddedChannel channel = channel(true);
    channel.writeAndFlush(answer(Response.stream("text/plain", 3, out -> out.write(new byte[] {'a', 'b', 'c'})),
        HttpVersion.HTTP_1_1, false, true));
    List<Object> out = written(channel);
    assertThat(((HttpResponse) out.get(0)).headers().get("Content-Length")).isEqualTo("3");
    assertThat(((HttpResponse) out.get(0)).headers().get("Transfer-Encoding")).isNull();
    assertThat(content(out)).isEqualTo("abc");
  }

  @Test
  void aHeadRequestNeverRunsTheStreamsWriter() {
    EmbeddedChannel channel = channel(true);
    AtomicBoolean ran = new AtomicBoolean();
    channel.writeAndFlush(answer(Response.stream("text/plain", out -> ran.set(true)), HttpVersion.HTTP_1_1, true, true));
    List<Object> out = written(channel);
    assertThat(out).hasSize(1);
    assertThat(ran).isFalse();
    content(out);
  }

  @Test
  void http10GetsAStreamWithoutChunksAndTheConnectionCloses() {
    EmbeddedChannel channel = channel(true);
    channel.writeAndFlush(answer(Response.stream("text/plain", out -> out.write('x')), HttpVersion.HTTP_1_0, false, true));
    List<Object> out = written(channel);
    HttpResponse head = (HttpResponse) out.get(0);
    assertThat(head.headers().get("Transfer-Encoding")).isNull();
    assertThat(head.headers().get("Connection")).isEqualTo("close");
    assertThat(content(out)).isEqualTo("x");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aStreamThatFailsBeforeWritingIsAnsweredWithA500AndTheConnectionCloses() {
    EmbeddedChannel channel = channel(true);
    channel.writeAndFlush(answer(Response.stream("text/plain", out -> {
      throw new IOException("gone");
    }), HttpVersion.HTTP_1_1, false, true));
    List<Object> out = written(channel);
    FullHttpResponse response = (FullHttpResponse) out.get(0);
    assertThat(response.status().code()).isEqualTo(500);
    assertThat(response.headers().get("Content-Type")).isEqualTo("application/problem+json");
    assertThat(content(out)).doesNotContain("gone");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aStreamThatWritesMoreThanItDeclaredIsCutOff() {
    EmbeddedChannel channel = channel(true);
    channel.writeAndFlush(answer(Response.stream("text/plain", 2, out -> {
      out.write(new byte[ResponseStream.CHUNK + 1]);
    }), HttpVersion.HTTP_1_1, false, true));
    content(written(channel));
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void otherMessagesPassThrough() {
    EmbeddedChannel channel = channel(true);
    ByteBuf raw = Unpooled.copiedBuffer("raw", StandardCharsets.US_ASCII);
    channel.writeAndFlush(raw);
    assertThat((Object) channel.readOutbound()).isSameAs(raw);
    raw.release();
  }
}
