package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.config.ConfigException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@ExtendWith(MotoServer.class)
class SecretsManagerWebhookSourceIT {
  private static final String NAME = "guardwall/slack-webhook";
  private static final String URL = "https://hooks.slack.com/services/T000/B000/s3cr3tT0k3n";
  private static final String TOKEN = "s3cr3t";

  private final SecretsManagerClient client = MotoServer.secretsManager();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));

  @Test
  void webhookUrl_shouldReturnUrl_whenSecretIsBareUrl() {
    secret(" " + URL + "\n");

    assertThat(source().webhookUrl()).isEqualTo(URL);
  }

  @Test
  void webhookUrl_shouldReturnUrl_whenSecretIsJsonWithUrl() {
    secret("{\"url\": \"" + URL + "\", \"channel\": \"#sec\"}");

    assertThat(source().webhookUrl()).isEqualTo(URL);
  }

  @Test
  void webhookUrl_shouldReturnUrl_whenSecretIsJsonWithWebhookUrl() {
    secret("{\"webhookUrl\": \"" + URL + "\"}");

    assertThat(source().webhookUrl()).isEqualTo(URL);
  }

  @Test
  void webhookUrl_shouldReadByArn_whenGivenArn() {
    String arn = client.createSecret(b -> b.name(NAME).secretString(URL)).arn();

    assertThat(SecretsManagerWebhookSource.create(client, arn).webhookUrl()).isEqualTo(URL);
  }

  @Test
  void webhookUrl_shouldFailNamingSecret_whenSecretMissing() {
    assertThatThrownBy(() -> source().webhookUrl())
        .isInstanceOf(ConfigException.class)
        .hasMessage("secret '" + NAME + "' not found in Secrets Manager");
  }

  @Test
  void webhookUrl_shouldFailWithoutEchoingValue_whenSecretIsNotAUrl() {
    secret("xoxb-" + TOKEN + "-not-a-url");

    assertSecretProblem("is not a webhook URL");
  }

  @Test
  void webhookUrl_shouldFailWithoutEchoingValue_whenJsonIsInvalid() {
    secret("{\"url\": \"" + URL + "\", " + TOKEN);

    assertSecretProblem("is not valid JSON");
  }

  @Test
  void webhookUrl_shouldFailWithoutEchoingValue_whenJsonLacksUrl() {
    secret("{\"token\": \"" + TOKEN + "\", \"url\": 42}");

    assertSecretProblem("is not a webhook URL");
  }

  @Test
  void webhookUrl_shouldFailWithoutEchoingValue_whenUrlIsNotHttp() {
    secret("{\"url\": \"ftp://hooks.slack.com/" + TOKEN + "\"}");

    assertSecretProblem("is not a webhook URL");
  }

  @Test
  void webhookUrl_shouldFail_whenSecretIsBinary() {
    client.createSecret(b -> b.name(NAME).secretBinary(SdkBytes.fromUtf8String(URL)));

    assertSecretProblem("has no SecretString");
  }

  @Test
  void webhookUrl_shouldNotCallSecretsManager_whenReadAgainWithinCachePeriod() {
    secret(URL);
    CallCounter calls = new CallCounter();
    SecretsManagerWebhookSource source =
        new SecretsManagerWebhookSource(
            calls.wrap(SecretsManagerClient.class, client), NAME, Duration.ofMinutes(5), now::get);

    source.webhookUrl();
    now.set(now.get().plus(Duration.ofMinutes(5)).minusNanos(1));
    client.deleteSecret(b -> b.secretId(NAME).forceDeleteWithoutRecovery(true));

    assertThat(source.webhookUrl()).isEqualTo(URL);
    assertThat(calls.count("getSecretValue")).isEqualTo(1);
  }

  @Test
  void webhookUrl_shouldReadAgain_whenCachePeriodEnds() {
    secret(URL);
    SecretsManagerWebhookSource source = source();
    source.webhookUrl();
    String rotated = "https://hooks.slack.com/services/T000/B000/rotated";
    client.putSecretValue(b -> b.secretId(NAME).secretString(rotated));

    now.set(now.get().plus(SecretsManagerWebhookSource.DEFAULT_CACHE_TTL));

    assertThat(source.webhookUrl()).isEqualTo(rotated);
  }

  @Test
  void toString_shouldNameSecretButNotUrl_whenUrlWasRead() {
    secret(URL);
    SecretsManagerWebhookSource source = source();
    source.webhookUrl();

    assertThat(source.toString()).contains(NAME).doesNotContain(TOKEN);
  }

  private void assertSecretProblem(String problem) {
    assertThatThrownBy(() -> source().webhookUrl())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("secret '" + NAME + "' " + problem)
        .hasNoCause()
        .message()
        .doesNotContain(TOKEN);
  }

  private void secret(String value) {
    client.createSecret(b -> b.name(NAME).secretString(value));
  }

  private SecretsManagerWebhookSource source() {
    return new SecretsManagerWebhookSource(
        client, NAME, SecretsManagerWebhookSource.DEFAULT_CACHE_TTL, now::get);
  }
}
