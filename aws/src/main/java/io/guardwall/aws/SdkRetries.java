package io.guardwall.aws;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * The per-request switch that turns the SDK's own retries off, for calls whose failures the
 * reconciler retries itself (it must see every conflict to re-read before writing again); a
 * constant, thread-safe.
 */
final class SdkRetries {

  /** A request override under which the SDK does not retry, whatever the client was built with. */
  static final AwsRequestOverrideConfiguration NONE =
      AwsRequestOverrideConfiguration.builder().addPlugin(noRetries()).build();

  private SdkRetries() {}

  private static SdkPlugin noRetries() {
    return config -> {
      ClientOverrideConfiguration current = config.overrideConfiguration();
      ClientOverrideConfiguration.Builder b =
          current == null ? ClientOverrideConfiguration.builder() : current.toBuilder();
      config.overrideConfiguration(b.retryStrategy(AwsRetryStrategy.doNotRetry()).build());
    };
  }
}
