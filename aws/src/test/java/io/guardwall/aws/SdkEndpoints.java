package io.guardwall.aws;

import java.net.URI;
import java.util.Map;

/**
 * Points every default SDK client of this JVM at local endpoints through the SDK's standard system
 * properties (the ones behind {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}),
 * with test region and credentials; {@link #close} removes them. Not thread-safe.
 */
public final class SdkEndpoints implements AutoCloseable {

  private final Map<String, String> properties;

  private SdkEndpoints(Map<String, String> properties) {
    this.properties = properties;
    properties.forEach(System::setProperty);
  }

  /** Every service at {@code moto}, except Network Firewall at {@code networkFirewall}. */
  public static SdkEndpoints use(URI moto, URI networkFirewall) {
    return new SdkEndpoints(
        Map.of(
            "aws.endpointUrl", moto.toString(),
            "aws.endpointUrlNetworkFirewall", networkFirewall.toString(),
            "aws.region", "us-east-1",
            "aws.accessKeyId", "testing",
            "aws.secretAccessKey", "testing"));
  }

  @Override
  public void close() {
    properties.keySet().forEach(System::clearProperty);
  }
}
