package dev.kiln.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys of {@link EncryptedCookieStore}: the first encrypts, any of them decrypts. To
 * rotate, put a new key first and keep the old one behind it for a session's lifetime: a cookie under
 * the old key is read and re-issued under the new one at its next request.
 *
 * <p>A key is 32 random bytes in base64 ({@code openssl rand -base64 32}, or run this class:
 * {@code java -cp kiln-runtime.jar dev.kiln.session.CookieKeys}). Its id in each cookie is derived
 * from a hash of it, so configuring a key is all there is to do.
 */
public final class CookieKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<Key> keys;

  private CookieKeys(List<Key> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no session keys: give at least one (openssl rand -base64 32)");
    }
    this.keys = List.copyOf(keys);
  }

  /**
   * Keys in base64 (standard or URL-safe, padded or not), the encrypting one first.
   *
   * @throws IllegalArgumentException for none, a key that is not base64 or not 32 bytes, or one given twice
   */
  public static CookieKeys of(List<String> encoded) {
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < encoded.size(); i++) {
      byte[] bytes = decode(encoded.get(i).strip(), i);
      Key key = new Key(keyId(bytes), new SecretKeySpec(bytes, "AES"));
      if (keys.stream().anyMatch(other -> Arrays.equals(other.id, key.id))) {
        throw new IllegalArgumentException("session key " + (i + 1) + " is given twice");
      }
      keys.add(key);
    }
    return new CookieKeys(keys);
  }

  public static CookieKeys of(String... encoded) {
    return of(List.of(encoded));
  }

  /** One fresh key, held only by this process: sessions end when it stops (for development). */
  public static CookieKeys random() {
    return of(generate());
  }

  /** A new key, in base64. */
  public static String generate() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** Prints a new key. */
  public static void main(String[] args) {
    System.out.println(generate());
  }

  /** How many keys there are. */
  public int size() {
    return keys.size();
  }

  Key encrypting() {
    return keys.get(0);
  }

  /** The key with this id, or {@code null}. */
  Key byId(byte[] cookie, int offset) {
    for (Key key : keys) {
      if (Arrays.equals(key.id, 0, Key.ID_LENGTH, cookie, offset, offset + Key.ID_LENGTH)) {
        return key;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "CookieKeys[" + keys.size() + " key" + (keys.size() == 1 ? "" : "s") + ", values masked]";
  }

  private static byte[] decode(String text, int index) {
    byte[] bytes;
    try {
      bytes = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("session key " + (index + 1) + " is not base64: make one with "
          + "`openssl rand -base64 32`");
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException("session key " + (index + 1) + " is " + bytes.length
          + " bytes; AES-256 needs 32 (`openssl rand -base64 32`)");
    }
    return bytes;
  }

  private static byte[] keyId(byte[] key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update("kiln session key id\0".getBytes(StandardCharsets.US_ASCII));
      return Arrays.copyOf(sha256.digest(key), Key.ID_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** A key and the id that names it in cookies. */
  record Key(byte[] id, SecretKeySpec spec) {
    static final int ID_LENGTH = 4;
  }
}
