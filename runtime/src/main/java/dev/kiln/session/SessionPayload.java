package dev.kiln.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session as the bytes an encrypted cookie carries: its id (16 bytes), the created, last-seen and
 * expiry times (8 bytes each, epoch seconds), then each value as its name and its JSON text, each
 * prefixed with its length. Values stay JSON text until a handler reads one, so a request that does
 * not look at the session parses none of it.
 */
final class SessionPayload {
  private static final int ID_BYTES = 16;
  private static final int HEAD = ID_BYTES + 3 * Long.BYTES;

  private SessionPayload() {}

static byte[] encode(SessionRecord session) {
    byte[] id = Base64.getUrlDecoder().decode(session.id());
    if (id.length != ID_BYTES) {
      throw new IllegalArgumentException("a session id is " + ID_BYTES + " bytes, not " + id.length);
    }
    int size = HEAD;
    byte[][] texts = new byte[session.values().size() * 2][];
    int i = 0;
    for (Map.Entry<String, String> value : session.values().entrySet()) {
      texts[i] = value.getKey().getBytes(StandardCharsets.US_ASCII);
      texts[i + 1] = value.getValue().getBytes(StandardCharsets.UTF_8);
      size += varIntSize(texts[i].length) + texts[i].length + varIntSize(texts[i + 1].length) + texts[i + 1].length;
      i += 2;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(id).putLong(session.createdAt()).putLong(session.lastSeenAt()).putLong(session.expiresAt());
    for (byte[] text : texts) {
      putVarInt(out, text.length);
      out.put(text);
    }
    return out.array();
  }

  /** The session in {@code length} bytes of {@code bytes} from {@code offset}, or {@code null} when they are not one. */
static SessionRecord decode(byte[] bytes, int offset, int length, boolean reissue) {
    if (length < HEAD) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    byte[] id = new byte[ID_BYTES];
    in.get(id);
    long created = in.getLong();
    long seen = in.getLong();
    long expires = in.getLong();
    Map<String, String> values = new LinkedHashMap<>();
    while (in.hasRemaining()) {
      String name = text(in, StandardCharsets.US_ASCII);
      String value = name == null ? null : text(in, StandardCharsets.UTF_8);
      if (value == null) {
        return null;
      }
      values.put(name, value);
    }
    return new SessionRecord(Base64.getUrlEncoder().withoutPadding().encodeToString(id), created, seen, expires,
        values, reissue);
  }

  private static String text(ByteBuffer in, java.nio.charset.Charset charset) {
    int length = varInt(in);
    if (length < 0 || length > in.remaining()) {
      return null;
    }
    String text = new String(in.array(), in.arrayOffset() + in.position(), length, charset);
    in.position(in.position() + length);
    return text;
  }

  private static int varIntSize(int value) {
    int size = 1;
    while ((value >>>= 7) != 0) {
      size++;
    }
    return size;
  }

  private static void putVarInt(ByteBuffer out, int value) {
    while ((value & ~0x7F) != 0) {
      out.put((byte) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.put((byte) value);
  }

  /** A length, or -1 when the bytes end or run past four. */
  private static int varInt(ByteBuffer in) {
    int value = 0;
    for (int shift = 0; shift < 28; shift += 7) {
      if (!in.hasRemaining()) {
        return -1;
      }
      byte b = in.get();
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    return -1;
  }
}
