package dev.kiln.session;

import dev.kiln.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.LoggerFactory;

/**
 * Sessions kept in the cookie itself, encrypted and authenticated (aiohttp_session's
 * {@code EncryptedCookieStorage}, without its 2015 holes): AES-256-GCM with a random 96-bit nonce
 * per write, the format version, the key's id and the cookie's name bound in as associated data,
 * so a cookie cannot be altered, cut short, or moved to another cookie name unnoticed. The payload
 * carries the session's created, last-seen and absolute-expiry times, which {@link Sessions} checks
 * on the server: a copied cookie is not good for ever.
 *
 * <p>Nothing is stored on the server, so a cookie cannot be revoked before it expires: a request that
 * was in flight during a logout can set its (older) cookie again. Use kiln-redis's
 * {@code RedisSessionStore} where a logout must be final. Cookie format:
 * {@code base64url(version | key id (4) | nonce (12) | ciphertext | tag (16))}.
 */
public final class EncryptedCookieStore implements SessionStore {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int HEADER = 1 + CookieKeys.Key.ID_LENGTH + NONCE_BYTES;
  private static final int SHORTEST = HEADER + TAG_BITS / 8;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final CookieKeys keys;
  private final SecureRandom random = new SecureRandom();
  /** Ciphers are not thread-safe and costly to look up: each call borrows one. */
  private final ConcurrentLinkedQueue<Cipher> ciphers = new ConcurrentLinkedQueue<>();

  private EncryptedCookieStore(CookieKeys keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  public static EncryptedCookieStore of(CookieKeys keys) {
    return new EncryptedCookieStore(keys);
  }

  /**
   * A store under the keys {@code sessionKeys} lists. With none, debug mode uses a random key (with a
   * warning: sessions end when the app stops) and any other mode refuses to start.
   *
   * @throws IllegalStateException without keys outside debug mode
   * @throws IllegalArgumentException for a key that is not 32 bytes of base64
   */
  public static <S extends ServerSettings & SessionSettings> EncryptedCookieStore fromSettings(S settings) {
    List<String> keys = settings.sessionKeys().stream().filter(key -> !key.isBlank()).toList();
    if (!keys.isEmpty()) {
      return of(CookieKeys.of(keys));
    }
    if (!settings.debug()) {
      throw new IllegalStateException("no session keys: set --session-keys (SESSION_KEYS) to one or more keys made "
          + "with `openssl rand -base64 32`; only debug mode makes one up");
    }
    LoggerFactory.getLogger(EncryptedCookieStore.class).warn("No session keys set: using a random one, so sessions "
        + "end when the app stops; set --session-keys (SESSION_KEYS) to keep them");
    return of(CookieKeys.random());
  }

  @Override
  public CompletionStage<SessionRecord> load(String cookieName, String cookieValue) {
    return CompletableFuture.completedFuture(decrypt(cookieName, cookieValue));
  }

  @Override
  public CompletionStage<String> save(String cookieName, SessionWrite write) {
    return CompletableFuture.completedFuture(encrypt(cookieName, write.session()));
  }

  @Override
  public CompletionStage<Void> delete(String id) {
    return CompletableFuture.completedFuture(null);
  }

  /** The cookie value for {@code session} under the encrypting key. */
  public String encrypt(String cookieName, SessionRecord session) {
    byte[] plain = SessionPayload.encode(session);
    CookieKeys.Key key = keys.encrypting();
    byte[] out = new byte[HEADER + plain.length + TAG_BITS / 8];
    out[0] = VERSION;
    System.arraycopy(key.id(), 0, out, 1, CookieKeys.Key.ID_LENGTH);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    System.arraycopy(nonce, 0, out, 1 + CookieKeys.Key.ID_LENGTH, NONCE_BYTES);
    Cipher cipher = borrow();
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(out, 0, 1 + CookieKeys.Key.ID_LENGTH);
      cipher.updateAAD(cookieName.getBytes(StandardCharsets.US_ASCII));
      cipher.doFinal(plain, 0, plain.length, out, HEADER);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    } finally {
      ciphers.offer(cipher);
    }
    return ENCODER.encodeToString(out);
  }

  /** The session in a cookie value, or {@code null} when it is not one of ours, unaltered. */
  public SessionRecord decrypt(String cookieName, String cookieValue) {
    byte[] sealed;
    try {
      sealed = Base64.getUrlDecoder().decode(cookieValue);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (sealed.length < SHORTEST || sealed[0] != VERSION) {
      return null;
    }
    CookieKeys.Key key = keys.byId(sealed, 1);
    if (key == null) {
      return null;
    }
    Cipher cipher = borrow();
    int length;
    try {
      cipher.init(Cipher.DECRYPT_MODE, key.spec(),
          new GCMParameterSpec(TAG_BITS, sealed, 1 + CookieKeys.Key.ID_LENGTH, NONCE_BYTES));
      cipher.updateAAD(sealed, 0, 1 + CookieKeys.Key.ID_LENGTH);
      cipher.updateAAD(cookieName.getBytes(StandardCharsets.US_ASCII));
      // In place: GCM checks the tag before it writes any plaintext.
      length = cipher.doFinal(sealed, HEADER, sealed.length - HEADER, sealed, HEADER);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    } finally {
      ciphers.offer(cipher);
    }
    return SessionPayload.decode(sealed, HEADER, length, key != keys.encrypting());
  }

  private Cipher borrow() {
    Cipher cipher = ciphers.poll();
    if (cipher != null) {
      return cipher;
    }
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no AES/GCM/NoPadding", e);
    }
  }

  @Override
  public String toString() {
    return "EncryptedCookieStore[" + keys + "]";
  }
}
