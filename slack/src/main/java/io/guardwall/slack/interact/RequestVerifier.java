package io.guardwall.slack.interact;

import io.guardwall.core.port.ReplayGuard;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a request is Slack's, as Slack documents it: {@code X-Slack-Signature} is {@code v0=}
 * and the hex HMAC-SHA256, keyed with the app's signing secret, of {@code v0:<timestamp>:<raw
 * body>}; the timestamp is within five minutes of now; and the signature was not honoured before.
 * Thread-safe.
 */
public final class RequestVerifier {

  /** How far a request's timestamp may be from now, either way. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  static final String SIGNATURE = "x-slack-signature";
  static final String TIMESTAMP = "x-slack-request-timestamp";
  private static final String VERSION = "v0";

  private final byte[] secret;
  private final Clock clock;
  private final ReplayGuard seen;

  /**
   * @param signingSecret the app's signing secret, as Slack shows it
   * @throws IllegalArgumentException when the secret is blank (an unconfigured secret must refuse
   *     every request, never accept them)
   */
  public RequestVerifier(String signingSecret, Clock clock, ReplayGuard seen) {
    if (signingSecret.isBlank()) {
      throw new IllegalArgumentException("the Slack signing secret is empty");
    }
    this.secret = signingSecret.strip().getBytes(StandardCharsets.UTF_8);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.seen = Objects.requireNonNull(seen, "seen");
  }

  /**
   * Checks the request with {@code headers} (names in any case) and the raw {@code body}, and
   * remembers an accepted one so that it is refused if it comes again.
   */
  public Verdict verify(Map<String, String> headers, byte[] body) {
    Optional<String> signature = header(headers, SIGNATURE);
    Optional<String> timestamp = header(headers, TIMESTAMP);
    if (signature.isEmpty() || timestamp.isEmpty()) {
      return Verdict.MISSING_HEADERS;
    }
    Optional<Instant> sent = seconds(timestamp.get());
    if (sent.isEmpty()) {
      return Verdict.MALFORMED_TIMESTAMP;
    }
    Instant now = clock.instant();
    if (Duration.between(sent.get(), now).abs().compareTo(MAX_SKEW) > 0) {
      return Verdict.STALE;
    }
    if (!matches(signature.get(), timestamp.get(), body)) {
      return Verdict.BAD_SIGNATURE;
    }
    // Only a genuine request is remembered, so forged ones cannot fill the ledger.
    boolean first = seen.firstUse(signature.get(), now, sent.get().plus(MAX_SKEW));
    return first ? Verdict.ACCEPTED : Verdict.REPLAYED;
  }

  /** The signature Slack would send for {@code body} at {@code timestamp}. */
  public String sign(String timestamp, byte[] body) {
    return VERSION + "=" + HexFormat.of().formatHex(hmac(timestamp, body));
  }

  private boolean matches(String signature, String timestamp, byte[] body) {
    byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  private byte[] hmac(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static Optional<String> header(Map<String, String> headers, String name) {
    return headers.entrySet().stream()
        .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }

  private static Optional<Instant> seconds(String text) {
    String digits = text.strip();
    if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(Long.parseLong(digits)));
  }
}
