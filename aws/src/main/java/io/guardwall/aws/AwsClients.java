package io.guardwall.aws;

import io.guardwall.core.config.ConfigException;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Builds the default SDK clients: region, credentials and endpoint come from the standard chain, so
 * {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} are honoured. Stateless.
 */
final class AwsClients {

  static final String NO_REGION =
      "no AWS region: set AWS_REGION or a region in the AWS profile (~/.aws/config)";

  private AwsClients() {}

  /**
   * {@code builder}'s client over the URL-connection HTTP client (no Netty or Apache client).
   *
   * @throws ConfigException when no region is configured
   */
  static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C build(B builder) {
    return builder.httpClient(UrlConnectionHttpClient.create()).region(region()).build();
  }

  // Resolved here, not by the builder, so that a missing region is one line instead of the
  // chain's several hundred characters of provider details.
  private static Region region() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      throw new ConfigException(NO_REGION, e);
    }
  }
}
