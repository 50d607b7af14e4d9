package io.guardwall.aws;

import io.guardwall.core.config.ConfigException;
import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Builds the default SDK clients: region, credentials and endpoint come from the standard chain, so
 * {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} are honoured. Every client gets
 * {@link #API_CALL_TIMEOUT} and {@link #API_CALL_ATTEMPT_TIMEOUT}, so that a call that hangs (a
 * Network Firewall update, a DynamoDB write) fails in seconds and is retried, instead of holding a
 * function until its own timeout. Stateless.
 */
final class AwsClients {

  static final String NO_REGION =
      "no AWS region: set AWS_REGION or a region in the AWS profile (~/.aws/config)";

  /** The most one HTTP attempt may take; guardwall's calls answer in well under a second. */
  static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

  /** The most one call may take, its SDK retries included. */
  static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(30);

  private AwsClients() {}

  /**
   * {@code builder}'s client over the URL-connection HTTP client (no Netty or Apache client).
   *
   * @throws ConfigException when no region is configured
   */
  static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C build(B builder) {
    return build(builder, region());
  }

  /** {@code builder}'s client in {@code region}, as {@link #build(AwsSyncClientBuilder)}. */
  static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C build(
      B builder, Region region) {
    return builder
        .httpClient(UrlConnectionHttpClient.create())
        .region(region)
        .overrideConfiguration(timeouts())
        .build();
  }

  static ClientOverrideConfiguration timeouts() {
    return ClientOverrideConfiguration.builder()
        .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
        .apiCallTimeout(API_CALL_TIMEOUT)
        .build();
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
