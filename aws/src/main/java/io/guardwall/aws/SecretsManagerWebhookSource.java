package io.guardwall.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.config.ConfigException;
import io.guardwall.core.json.Jackson;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Slack webhook URL, read from a Secrets Manager secret whose {@code SecretString} is the bare
 * URL or JSON {@code {"url": "..."}} or {@code {"webhookUrl": "..."}}, and cached. The URL is a
 * credential: no error message and not {@link #toString} contain it. Thread-safe.
 */
public final class SecretsManagerWebhookSource {

  /** How long a read URL is used before the secret is read again (picks up rotations). */
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);

  private final SecretsManagerSecret secret;
  private final String secretId;
  private final Cached<String> url;

  SecretsManagerWebhookSource(
      SecretsManagerClient client, String secretId, Duration ttl, InstantSource clock) {
    this.secret = new SecretsManagerSecret(client, secretId);
    this.secretId = Objects.requireNonNull(secretId, "secretId");
    this.url = new Cached<>(this::read, ttl, clock);
  }

  /** The webhook in secret {@code secretId} (a name or an ARN), through {@code client}. */
  public static SecretsManagerWebhookSource create(SecretsManagerClient client, String secretId) {
    return new SecretsManagerWebhookSource(
        client, secretId, DEFAULT_CACHE_TTL, InstantSource.system());
  }

  /**
   * The webhook in secret {@code secretId}, through a default client (region, credentials and
   * endpoint from the environment, including {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}).
   */
  public static SecretsManagerWebhookSource create(String secretId) {
    return create(AwsClients.build(SecretsManagerClient.builder()), secretId);
  }

  /**
   * The webhook URL, read at most once per cache period.
   *
   * @throws ConfigException naming the secret (never its value) when it is missing, unreadable or
   *     not a webhook URL
   */
  public String webhookUrl() {
    return url.get();
  }

  @Override
  public String toString() {
    return "SecretsManagerWebhookSource[secret=" + secretId + "]";
  }

  private String read() {
    String value = secret.read();
    if (value == null) {
      throw problem("has no SecretString (a binary secret cannot hold a webhook URL)");
    }
    return webhook(value.trim());
  }

  private String webhook(String secret) {
    String candidate = secret.startsWith("{") ? fromJson(secret) : secret;
    if (!isHttpUrl(candidate)) {
      throw problem(
          "is not a webhook URL: expected the bare http(s) URL or JSON with \"url\" or"
              + " \"webhookUrl\"");
    }
    return candidate;
  }

  private String fromJson(String secret) {
    JsonNode json;
    try {
      json = Jackson.reader().readTree(secret);
    } catch (JsonProcessingException e) {
      // The parser's message quotes the secret: drop it, and the cause with it.
      throw problem("is not valid JSON");
    }
    JsonNode url = json.hasNonNull("url") ? json.get("url") : json.get("webhookUrl");
    return url != null && url.isTextual() ? url.textValue().trim() : "";
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
          && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private ConfigException problem(String what) {
    return new ConfigException("secret '" + secretId + "' " + what, null);
  }
}
