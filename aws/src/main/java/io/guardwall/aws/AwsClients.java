package io.guardwall.aws;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Builds the default SDK clients: region, credentials and endpoint come from the standard chain, so
 * {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} are honoured. Stateless.
 */
final class AwsClients {
  private AwsClients() {}

  /** {@code builder}'s client over the URL-connection HTTP client (no Netty or Apache client). */
  static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C build(B builder) {
    return builder.httpClient(UrlConnectionHttpClient.create()).build();
  }
}
