package io.guardwall.aws;

import io.guardwall.core.config.ConfigException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * One Secrets Manager secret's {@code SecretString}, read on each call; errors name the secret,
 * never its value. Thread-safe.
 */
public final class SecretsManagerSecret {

  private final SecretsManagerClient client;
  private final String secretId;

  SecretsManagerSecret(SecretsManagerClient client, String secretId) {
    this.client = Objects.requireNonNull(client, "client");
    this.secretId = Objects.requireNonNull(secretId, "secretId");
  }

  /**
   * The secret {@code secretId} (a name or an ARN), through a default client (region, credentials
   * and endpoint from the environment, including {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}).
   */
  public static SecretsManagerSecret create(String secretId) {
    return new SecretsManagerSecret(AwsClients.build(SecretsManagerClient.builder()), secretId);
  }

  /**
   * The {@code SecretString}, null for a binary secret.
   *
   * @throws ConfigException naming the secret when it is missing or unreadable
   */
  public @Nullable String read() {
    try {
      return client.getSecretValue(b -> b.secretId(secretId)).secretString();
    } catch (ResourceNotFoundException e) {
      throw new ConfigException("secret '" + secretId + "' not found in Secrets Manager", e);
    } catch (SdkException e) {
      throw new ConfigException(
          "secret '" + secretId + "' could not be read: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "SecretsManagerSecret[" + secretId + "]";
  }
}
