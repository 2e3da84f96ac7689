package dev.kiln.sample.auth;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password hashes: Argon2id with the parameters OWASP recommends (19 MiB of memory, 2 passes, one
 * lane), as self-describing strings ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so that
 * raising them later still verifies the hashes stored before. Hashing takes tens of milliseconds on
 * purpose: only blocking handlers call it.
 */
public final class Passwords {
  private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
  /** Checked against when the email is unknown, so that an unknown email takes as long as a wrong password. */
  private final String decoy = encoder.encode("not anyone's password");

  public String hash(String password) {
    return encoder.encode(password);
  }

  /** Whether {@code password} is the one {@code hash} was made from; {@code null} (no such user, no password) never is. */
  public boolean matches(String password, String hash) {
    if (hash == null) {
      encoder.matches(password, decoy);
      return false;
    }
    return encoder.matches(password, hash);
  }
}
