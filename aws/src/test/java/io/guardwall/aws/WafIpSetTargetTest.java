package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FirewallRetryableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.wafv2.model.WafInvalidParameterException;
import software.amazon.awssdk.services.wafv2.model.WafLimitsExceededException;
import software.amazon.awssdk.services.wafv2.model.WafNonexistentItemException;
import software.amazon.awssdk.services.wafv2.model.WafOptimisticLockException;
import software.amazon.awssdk.services.wafv2.model.Wafv2Exception;

class WafIpSetTargetTest {

  private static final WafIpSetArn SET =
      WafIpSetArn.parse("arn:aws:wafv2:eu-west-1:123456789012:regional/ipset/gw/1111");

  @Test
  void translate_shouldBeAConflict_whenTheLockTokenIsStale() {
    assertThat(translate(service(WafOptimisticLockException.builder(), 400, "WAFOptimisticLock")))
        .isInstanceOf(FirewallConflictException.class)
        .hasMessageContaining(SET.value());
  }

  @Test
  void translate_shouldBeRetryable_whenLimitedThrottledOrFailingOnTheServerSide() {
    assertThat(translate(service(WafLimitsExceededException.builder(), 400, "WAFLimitsExceeded")))
        .isInstanceOf(FirewallRetryableException.class);
    assertThat(translate(service(Wafv2Exception.builder(), 400, "ThrottlingException")))
        .isInstanceOf(FirewallRetryableException.class);
    assertThat(translate(service(Wafv2Exception.builder(), 503, "ServiceUnavailable")))
        .isInstanceOf(FirewallRetryableException.class);
  }

  @Test
  void translate_shouldBeFinalNamingTheSet_whenMissingDeniedOrInvalid() {
    assertFinal(service(WafNonexistentItemException.builder(), 400, "WAFNonexistentItemException"));
    assertFinal(service(Wafv2Exception.builder(), 403, "AccessDeniedException"));
    assertFinal(
        service(WafInvalidParameterException.builder(), 400, "WAFInvalidParameterException"));
  }

  @Test
  void parseAll_shouldRefuse_whenTheVersionWasNotReadFromIpSets() {
    assertThatThrownBy(() -> WafIpSetVersion.parseAll("token-of-a-rule-group"))
        .isInstanceOf(FirewallException.class)
        .hasMessageContaining("not a version read from WAF IP sets");
  }

  @Test
  void parseAll_shouldReadWhatRenderWrote() {
    WafIpSetVersion v4 = new WafIpSetVersion("1111", true, "tok-1", false);
    WafIpSetVersion v6 = new WafIpSetVersion("2222", false, "tok-2", true);

    assertThat(WafIpSetVersion.parseAll(v4.render() + "," + v6.render()))
        .containsEntry("1111", v4)
        .containsEntry("2222", v6);
  }

  private static void assertFinal(AwsServiceException e) {
    FirewallException translated = translate(e);
    assertThat(translated)
        .isNotInstanceOf(FirewallRetryableException.class)
        .isNotInstanceOf(FirewallConflictException.class)
        .hasMessageContaining(SET.value())
        .hasMessageContaining(e.awsErrorDetails().errorCode());
  }

  private static FirewallException translate(AwsServiceException e) {
    return WafIpSetTarget.translate("UpdateIPSet", SET, e);
  }

  private static AwsServiceException service(
      AwsServiceException.Builder builder, int status, String code) {
    return builder
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build())
        .build();
  }
}
