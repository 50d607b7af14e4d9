package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FirewallRetryableException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.networkfirewall.model.InternalServerErrorException;
import software.amazon.awssdk.services.networkfirewall.model.InvalidRequestException;
import software.amazon.awssdk.services.networkfirewall.model.InvalidTokenException;
import software.amazon.awssdk.services.networkfirewall.model.ResourceNotFoundException;
import software.amazon.awssdk.services.networkfirewall.model.ThrottlingException;

class FirewallErrorsTest {

  private static final RuleGroupArn ARN =
      RuleGroupArn.parse("arn:aws:network-firewall:eu-west-1:123456789012:stateless-rulegroup/g");

  @Test
  void translate_shouldBeAConflict_whenTokenIsStale() {
    FirewallException e =
        translate(InvalidTokenException.builder().statusCode(400), "InvalidTokenException");

    assertThat(e)
        .isInstanceOf(FirewallConflictException.class)
        .hasMessageContaining("UpdateRuleGroup on rule group " + ARN)
        .hasMessageContaining("update token is stale");
  }

  @Test
  void translate_shouldBeRetryable_whenTheCallOrAnAttemptTimedOut() {
    FirewallException call =
        FirewallErrors.translate(
            "UpdateRuleGroup",
            ARN,
            ApiCallTimeoutException.builder().message("took longer than 30 s").build());
    FirewallException attempt =
        FirewallErrors.translate(
            "DescribeRuleGroup", ARN, ApiCallAttemptTimeoutException.create(10_000));

    assertThat(call)
        .isInstanceOf(FirewallRetryableException.class)
        .hasMessageContaining("timed out");
    assertThat(attempt).isInstanceOf(FirewallRetryableException.class);
  }

  @Test
  void translate_shouldBeRetryableButNoConflict_whenThrottled() {
    FirewallException e =
        translate(ThrottlingException.builder().statusCode(400), "ThrottlingException");

    assertThat(e)
        .isInstanceOf(FirewallRetryableException.class)
        .isNotInstanceOf(FirewallConflictException.class)
        .hasMessageContaining("ThrottlingException (HTTP 400)");
  }

  @Test
  void translate_shouldBeRetryable_whenServiceFails() {
    assertThat(
            translate(
                InternalServerErrorException.builder().statusCode(500), "InternalServerError"))
        .isInstanceOf(FirewallRetryableException.class);
    assertThat(translate(AwsServiceException.builder().statusCode(503), "ServiceUnavailable"))
        .isInstanceOf(FirewallRetryableException.class);
  }

  @Test
  void translate_shouldNameTheException_whenItHasNoMessage() {
    FirewallException e =
        FirewallErrors.translate("UpdateRuleGroup", ARN, SdkException.builder().build());

    assertThat(e).hasMessageEndingWith("failed: SdkException");
  }

  @Test
  void translate_shouldBeRetryable_whenTheEndpointCannotBeReached() {
    SdkClientException io =
        SdkClientException.create(
            "Unable to execute HTTP request", new ConnectException("refused"));

    assertThat(FirewallErrors.translate("DescribeRuleGroup", ARN, io))
        .isInstanceOf(FirewallRetryableException.class)
        .hasMessageContaining("could not reach Network Firewall");
  }

  @Test
  void translate_shouldBeFinal_whenClientFailsWithoutIo() {
    SdkClientException config = SdkClientException.create("Unable to load credentials");

    assertThat(FirewallErrors.translate("DescribeRuleGroup", ARN, config))
        .isNotInstanceOf(FirewallRetryableException.class)
        .hasMessage(
            "DescribeRuleGroup on rule group " + ARN + " failed: Unable to load credentials");
  }

  @Test
  void translate_shouldBeFinalAndNameGroupAndCode_whenRequestIsRejected() {
    assertThat(
            translate(InvalidRequestException.builder().statusCode(400), "InvalidRequestException"))
        .isNotInstanceOf(FirewallRetryableException.class)
        .hasMessage(
            "UpdateRuleGroup on rule group "
                + ARN
                + " failed: InvalidRequestException (HTTP 400): it says why");
    assertThat(translate(ResourceNotFoundException.builder().statusCode(400), "ResourceNotFound"))
        .isNotInstanceOf(FirewallRetryableException.class);
    assertThat(translate(AwsServiceException.builder().statusCode(403), "AccessDeniedException"))
        .isNotInstanceOf(FirewallRetryableException.class);
  }

  @Test
  void translate_shouldKeepTheCause() {
    IOException cause = new IOException("reset");
    SdkClientException e = SdkClientException.create("failed", cause);

    assertThat(FirewallErrors.translate("DescribeRuleGroup", ARN, e)).hasCause(e);
  }

  private static FirewallException translate(AwsServiceException.Builder builder, String code) {
    AwsServiceException e =
        builder
            .message("it says why")
            .awsErrorDetails(
                AwsErrorDetails.builder().errorCode(code).errorMessage("it says why").build())
            .build();
    return FirewallErrors.translate("UpdateRuleGroup", ARN, e);
  }
}
