package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.wafv2.model.Scope;

class WafIpSetSpecTest {

  private static final String V4 =
      "arn:aws:wafv2:eu-west-1:123456789012:regional/ipset/guardwall-v4/1111-aaaa";
  private static final String V6 =
      "arn:aws:wafv2:eu-west-1:123456789012:regional/ipset/guardwall-v6/2222-bbbb";
  private static final String EDGE =
      "arn:aws:wafv2:us-east-1:123456789012:global/ipset/guardwall-edge/3333-cccc";

  @Test
  void parse_shouldReadRegionalSets_whenTwoArnsAreJoinedByACommaWithSpaces() {
    List<WafIpSetArn> sets = WafIpSetSpec.parse(V4 + " , " + V6);

    assertThat(sets).extracting(WafIpSetArn::value).containsExactly(V4, V6);
    assertThat(sets.get(0).scope()).isEqualTo(Scope.REGIONAL);
    assertThat(sets.get(0).region()).isEqualTo(Region.EU_WEST_1);
    assertThat(sets.get(0).name()).isEqualTo("guardwall-v4");
    assertThat(sets.get(0).id()).isEqualTo("1111-aaaa");
    assertThat(sets.get(0).paceKey()).isEqualTo("123456789012/eu-west-1");
  }

  @Test
  void parse_shouldUseCloudFrontScopeInUsEast1_whenTheArnIsGlobal() {
    WafIpSetArn edge = WafIpSetSpec.parse(EDGE).get(0);

    assertThat(edge.scope()).isEqualTo(Scope.CLOUDFRONT);
    assertThat(edge.region()).isEqualTo(Region.US_EAST_1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "pl-0123456789abcdef0",
        "arn:aws:network-firewall:eu-west-1:123456789012:stateless-rulegroup/g",
        "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/acl/1111",
        "arn:aws:wafv2:eu-west-1:1234:regional/ipset/short-account/1111",
        "arn:aws:wafv2:eu-west-1:123456789012:regional/ipset/no-id"
      })
  void parse_shouldNameTheText_whenItIsNoIpSetArn(String spec) {
    assertThatThrownBy(() -> WafIpSetSpec.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a WAF IP set ARN");
  }

  @Test
  void parse_shouldRefuse_whenAGlobalSetNamesAnotherRegion() {
    assertThatThrownBy(() -> WafIpSetSpec.parse(EDGE.replace("us-east-1", "eu-west-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CLOUDFRONT scope");
  }

  @Test
  void parse_shouldRefuse_whenMoreThanTwoSetsAreNamed() {
    assertThatThrownBy(() -> WafIpSetSpec.parse(V4 + "," + V6 + "," + V6.replace("2222", "4444")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two at most");
  }

  @Test
  void parse_shouldRefuse_whenTheSameSetIsNamedTwice() {
    assertThatThrownBy(() -> WafIpSetSpec.parse(V4 + "," + V4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("named twice");
  }

  @Test
  void parse_shouldRefuse_whenTheSetsDifferInScopeOrRegion() {
    assertThatThrownBy(() -> WafIpSetSpec.parse(V4 + "," + EDGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share a scope, account and region");
  }
}
