package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.Sighting;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The no-client factories take endpoint, region and credentials from the SDK's standard settings;
 * the system properties used here stand for {@code AWS_ENDPOINT_URL}, {@code AWS_REGION} and the
 * credential variables, which the SDK reads the same way.
 */
@ExtendWith(MotoServer.class)
class DefaultClientsIT {
  private static final Map<String, String> SETTINGS =
      Map.of(
          "aws.endpointUrl", MotoServer.endpoint().toString(),
          "aws.region", "us-east-1",
          "aws.accessKeyId", "testing",
          "aws.secretAccessKey", "testing");

  @BeforeEach
  void pointSdkAtMoto() {
    SETTINGS.forEach(System::setProperty);
  }

  @AfterEach
  void restoreSdkSettings() {
    SETTINGS.keySet().forEach(System::clearProperty);
  }

  @Test
  void dynamoDbState_shouldUseConfiguredEndpoint_whenCreatedWithoutClient() {
    DynamoDbState.createTableIfMissing(MotoServer.dynamoDb(), "guardwall");
    Instant now = Instant.parse("2030-01-01T00:00:00Z");

    try (DynamoDbState state = DynamoDbState.create("guardwall")) {
      state.blocklist().upsert(Sighting.of("192.0.2.1", now).build());
    }

    assertThat(
            DynamoDbState.create(MotoServer.dynamoDb(), "guardwall")
                .blocklist()
                .get(Cidr.parse("192.0.2.1")))
        .isPresent();
  }

  @Test
  void sources_shouldUseConfiguredEndpoint_whenCreatedWithoutClient() {
    String url = "https://hooks.slack.com/services/T/B/x";
    MotoServer.secretsManager().createSecret(b -> b.name("webhook").secretString(url));
    MotoServer.ssm()
        .putParameter(b -> b.name("/gw").value("{\"blockDuration\": \"PT1H\"}").type("String"));

    assertThat(SecretsManagerWebhookSource.create("webhook").webhookUrl()).isEqualTo(url);
    assertThat(SsmConfigSource.create("/gw").config().blockDuration())
        .isEqualTo(Duration.ofHours(1));
  }
}
