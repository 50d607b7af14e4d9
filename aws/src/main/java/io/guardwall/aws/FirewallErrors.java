package io.guardwall.aws;

import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FirewallRetryableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.networkfirewall.model.InvalidTokenException;

/**
 * Sorts the SDK's failures into the firewall port's exceptions: a stale token is a conflict,
 * throttling, 5xx and I/O failures are retryable, anything else is final; stateless.
 */
final class FirewallErrors {

  private FirewallErrors() {}

  /** The port exception for {@code e}, thrown by {@code operation} on {@code arn}. */
  static FirewallException translate(String operation, RuleGroupArn arn, SdkException e) {
    return translate(
        operation + " on rule group " + arn,
        "Network Firewall",
        e,
        e instanceof InvalidTokenException
            ? "the update token is stale (the rule group changed since it was read)"
            : null);
  }

  /**
   * The port exception for {@code e}, thrown where {@code where} says, by {@code service}; {@code
   * conflict} says why {@code e} is a conflict, null when it is none.
   */
  static FirewallException translate(
      String where, String service, SdkException e, @Nullable String conflict) {
    if (conflict != null) {
      return new FirewallConflictException(where + ": " + conflict, e);
    }
    return translate(where, service, e);
  }

  /**
   * The port exception for {@code e}, met {@code where} (the operation and what it was on) in
   * {@code service}: throttling, 5xx, timeouts and I/O failures are retryable, the rest is final.
   */
  static FirewallException translate(String where, String service, SdkException e) {
    if (e instanceof SdkServiceException s
        && (s.isThrottlingException() || s.statusCode() >= 500)) {
      return new FirewallRetryableException(where + " failed transiently: " + detail(s), e);
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      // Whether an update that timed out applied is unknown: the retry describes the target anew.
      return new FirewallRetryableException(where + " timed out: " + e.getMessage(), e);
    }
    if (e instanceof SdkClientException && causedByIo(e)) {
      return new FirewallRetryableException(
          where + " could not reach " + service + ": " + e.getMessage(), e);
    }
    return new FirewallException(where + " failed: " + detail(e), e);
  }

  /** The service's error code, status and message, or the exception's message. */
  static String detail(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      return s.awsErrorDetails().errorCode()
          + " (HTTP "
          + s.statusCode()
          + "): "
          + s.awsErrorDetails().errorMessage();
    }
    return Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return true;
      }
    }
    return false;
  }
}
