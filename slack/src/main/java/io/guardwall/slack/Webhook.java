package io.guardwall.slack;

import java.net.URI;
import java.util.Objects;

/**
 * A webhook URL, which is a credential: anyone holding it can post to the channel. It is never
 * echoed, and text that may quote it (error bodies, I/O messages) goes through {@link #redact}.
 * Immutable and thread-safe.
 */
final class Webhook {

  private static final String REDACTED = "<redacted>";

  private final URI uri;

  private Webhook(URI uri) {
    this.uri = uri;
  }

  /**
   * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL with a host;
   *     the message does not quote it
   */
  static Webhook parse(String url) {
    Objects.requireNonNull(url, "the Slack webhook URL is missing");
    try {
      URI uri = new URI(url.strip());
      if (!isHttp(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return new Webhook(uri);
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the Slack webhook URL is not an http(s) URL with a host (value not shown: it is a secret)");
    }
  }

  private static boolean isHttp(String scheme) {
    return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
  }

  URI uri() {
    return uri;
  }

  /** {@code text} with every copy of the URL, and of its path and query, replaced. */
  String redact(String text) {
    String out = text.replace(uri.toString(), REDACTED);
    out = redactPart(out, uri.getRawPath());
    return redactPart(out, uri.getRawQuery());
  }

  private static String redactPart(String text, String part) {
    return part == null || part.length() < 2 ? text : text.replace(part, REDACTED);
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
