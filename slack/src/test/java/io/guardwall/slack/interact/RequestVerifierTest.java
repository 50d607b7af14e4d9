package io.guardwall.slack.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.local.InMemoryReplayGuard;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestVerifierTest {

  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final String TS = Long.toString(NOW.getEpochSecond());
  private static final byte[] BODY =
      "payload=%7B%22type%22%3A%22block_actions%22%7D".getBytes(StandardCharsets.UTF_8);

  private final InMemoryReplayGuard seen = new InMemoryReplayGuard();
  private final RequestVerifier verifier = verifierAt(NOW);

  @Test
  void verify_shouldAccept_whenSignedWithTheSecretNow() {
    assertThat(verifier.verify(signed(SECRET, TS, BODY), BODY)).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void sign_shouldMatchSlacksDocumentedScheme() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected =
        mac.doFinal(
            ("v0:" + TS + ":" + new String(BODY, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));

    assertThat(verifier.sign(TS, BODY))
        .isEqualTo("v0=" + java.util.HexFormat.of().formatHex(expected));
  }

  @Test
  void verify_shouldRefuseBadSignature_whenSignedWithAnotherSecret() {
    assertThat(verifier.verify(signed("another-secret", TS, BODY), BODY))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void verify_shouldRefuseBadSignature_whenTheBodyWasTampered() {
    byte[] tampered =
        "payload=%7B%22type%22%3A%22block_actionz%22%7D".getBytes(StandardCharsets.UTF_8);

    assertThat(verifier.verify(signed(SECRET, TS, BODY), tampered))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void verify_shouldRefuseBadSignature_whenTheTimestampWasChangedAfterSigning() {
    Map<String, String> headers = signed(SECRET, TS, BODY);
    headers.put("X-Slack-Request-Timestamp", Long.toString(NOW.getEpochSecond() - 1));

    assertThat(verifier.verify(headers, BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @ParameterizedTest
  @ValueSource(longs = {-301, 301, -86_400})
  void verify_shouldRefuseStale_whenTheTimestampIsMoreThanFiveMinutesAway(long offset) {
    String ts = Long.toString(NOW.getEpochSecond() + offset);

    assertThat(verifier.verify(signed(SECRET, ts, BODY), BODY)).isEqualTo(Verdict.STALE);
  }

  @ParameterizedTest
  @ValueSource(longs = {-300, 300})
  void verify_shouldAccept_whenTheTimestampIsJustWithinFiveMinutes(long offset) {
    String ts = Long.toString(NOW.getEpochSecond() + offset);

    assertThat(verifier.verify(signed(SECRET, ts, BODY), BODY)).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void verify_shouldRefuseReplayed_whenTheSameRequestComesAgain() {
    Map<String, String> headers = signed(SECRET, TS, BODY);
    verifier.verify(headers, BODY);

    assertThat(verifier.verify(headers, BODY)).isEqualTo(Verdict.REPLAYED);
    assertThat(verifierAt(NOW.plusSeconds(200)).verify(headers, BODY))
        .as("another instance sharing the guard")
        .isEqualTo(Verdict.REPLAYED);
  }

  @Test
  void verify_shouldNotRemember_whenTheSignatureIsForged() {
    Map<String, String> genuine = signed(SECRET, TS, BODY);
    Map<String, String> forged = new HashMap<>(genuine);
    forged.put("X-Slack-Signature", "v0=" + "0".repeat(64));
    verifier.verify(forged, BODY);

    assertThat(verifier.verify(genuine, BODY)).isEqualTo(Verdict.ACCEPTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-Slack-Signature", "X-Slack-Request-Timestamp"})
  void verify_shouldRefuseMissingHeaders_whenOneIsAbsentOrBlank(String header) {
    Map<String, String> absent = signed(SECRET, TS, BODY);
    absent.remove(header);
    Map<String, String> blank = signed(SECRET, TS, BODY);
    blank.put(header, " ");

    assertThat(verifier.verify(absent, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
    assertThat(verifier.verify(blank, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e9", "-1764583200", "17645832OO", "1764583200.5", "9999999999999"})
  void verify_shouldRefuseMalformedTimestamp_whenItIsNotWholeSeconds(String ts) {
    assertThat(verifier.verify(signed(SECRET, ts, BODY), BODY))
        .isEqualTo(Verdict.MALFORMED_TIMESTAMP);
  }

  @Test
  void verify_shouldAccept_whenTheHeaderNamesAreInAnyCase() {
    Map<String, String> lower = new HashMap<>();
    signed(SECRET, TS, BODY).forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
    Map<String, String> upper = new HashMap<>();
    signed(SECRET, TS, BODY).forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));

    assertThat(verifier.verify(lower, BODY)).isEqualTo(Verdict.ACCEPTED);
    assertThat(verifierAt(NOW).verify(upper, BODY))
        .as("same request: replayed, so it got past the signature check")
        .isEqualTo(Verdict.REPLAYED);
  }

  @Test
  void verify_shouldAccept_whenTheBodyIsNotAscii() {
    byte[] body = "payload=%7B%22n%22%3A%22Ren%C3%A9e%22%7D&x=é✓".getBytes(StandardCharsets.UTF_8);

    assertThat(verifier.verify(signed(SECRET, TS, body), body)).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void verify_shouldAccept_whenTheSignatureHexIsUpperCase() {
    Map<String, String> headers = signed(SECRET, TS, BODY);
    headers.put(
        "X-Slack-Signature",
        "v0=" + headers.get("X-Slack-Signature").substring(3).toUpperCase(java.util.Locale.ROOT));

    assertThat(verifier.verify(headers, BODY)).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void new_shouldRefuse_whenTheSecretIsBlank() {
    assertThatThrownBy(() -> new RequestVerifier(" ", Clock.systemUTC(), seen))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signing secret is empty");
  }

  private RequestVerifier verifierAt(Instant now) {
    return new RequestVerifier(SECRET, Clock.fixed(now, ZoneOffset.UTC), seen);
  }

  private static Map<String, String> signed(String secret, String ts, byte[] body) {
    RequestVerifier signer =
        new RequestVerifier(secret, Clock.systemUTC(), new InMemoryReplayGuard());
    Map<String, String> headers = new HashMap<>();
    headers.put("X-Slack-Signature", signer.sign(ts, body));
    headers.put("X-Slack-Request-Timestamp", ts);
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    return headers;
  }
}
