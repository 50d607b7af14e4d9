package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.networkfirewall.NetworkFirewallClient;

class AwsClientsTest {

  @Test
  void build_shouldGiveEveryClientCallAndAttemptTimeouts() {
    try (DynamoDbClient dynamo = build(DynamoDbClient.builder());
        NetworkFirewallClient firewall = build(NetworkFirewallClient.builder())) {
      for (ClientOverrideConfiguration c :
          new ClientOverrideConfiguration[] {
            dynamo.serviceClientConfiguration().overrideConfiguration(),
            firewall.serviceClientConfiguration().overrideConfiguration()
          }) {
        assertThat(c.apiCallTimeout()).contains(Duration.ofSeconds(30));
        assertThat(c.apiCallAttemptTimeout()).contains(Duration.ofSeconds(10));
      }
    }
  }

  private static DynamoDbClient build(
      software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder b) {
    return AwsClients.build(
        b.endpointOverride(URI.create("http://127.0.0.1:9"))
            .credentialsProvider(AnonymousCredentialsProvider.create()),
        Region.EU_WEST_1);
  }

  private static NetworkFirewallClient build(
      software.amazon.awssdk.services.networkfirewall.NetworkFirewallClientBuilder b) {
    return AwsClients.build(
        b.endpointOverride(URI.create("http://127.0.0.1:9"))
            .credentialsProvider(AnonymousCredentialsProvider.create()),
        Region.EU_WEST_1);
  }
}
