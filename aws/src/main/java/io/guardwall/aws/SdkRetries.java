package io.guardwall.aws;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * The request override that switches the SDK's own retries off for one call, even on a client
 * configured with them: the reconciler retries with bounded, jittered backoff and must see every
 * conflict and throttle itself. Immutable.
 */
final class SdkRetries {

  /** Sends a request once: no SDK retry, whatever the client's retry strategy. */
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
