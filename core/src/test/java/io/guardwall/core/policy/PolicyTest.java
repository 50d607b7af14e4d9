package io.guardwall.core.policy;

import static io.guardwall.core.testing.Findings.finding;
import static io.guardwall.core.testing.Findings.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.IpSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTest {

  private final Policy policy = new Policy(GuardwallConfig.defaults());

  private static IpDecision only(List<IpDecision> decisions) {
    assertThat(decisions).hasSize(1);
    return decisions.get(0);
  }

  @Test
  void decide_shouldBlock_whenNetworkConnectionAtLow() {
    IpDecision d = only(policy.decide(finding().score(2).build(), true));
    assertThat(d.block()).isTrue();
    assertThat(d.reason()).contains("network connection");
  }

  @Test
  void decide_shouldBlockEveryProbe_whenPortProbe() {
    Finding f =
        finding()
            .score(2)
            .ips(ip("203.0.113.1", IpSource.PORT_PROBE), ip("203.0.113.2", IpSource.PORT_PROBE))
            .build();
    assertThat(policy.decide(f, true)).allMatch(IpDecision::block);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AWS_API_CALL", "KUBERNETES_API_CALL", "RDS_LOGIN_ATTEMPT", "OTHER"})
  void decide_shouldSkip_whenApiSourceBelowMedium(IpSource source) {
    IpDecision d =
        only(policy.decide(finding().score(3.9).ips(ip("192.0.2.5", source)).build(), true));
    assertThat(d.block()).isFalse();
    assertThat(d.reason()).contains("below the block threshold MEDIUM");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AWS_API_CALL", "KUBERNETES_API_CALL", "RDS_LOGIN_ATTEMPT"})
  void decide_shouldBlock_whenApiSourceAtMedium(IpSource source) {
    assertThat(
            only(policy.decide(finding().score(4).ips(ip("192.0.2.5", source)).build(), true))
                .block())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.1.2.3",
        "10.1.2.3",
        "100.64.0.1",
        "127.0.0.1",
        "169.254.169.254",
        "172.31.0.9",
        "192.168.1.1",
        "224.0.0.5",
        "255.255.255.255",
        "::",
        "::1",
        "fd00::1",
        "fe80::1",
        "ff02::1"
      })
  void decide_shouldSkip_whenAddressIsNotPublic(String address) {
    IpDecision d =
        only(policy.decide(finding().ips(ip(address, IpSource.NETWORK_CONNECTION)).build(), true));
    assertThat(d.block()).isFalse();
    assertThat(d.reason()).startsWith("non-public address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "198.51.100.0", "203.0.113.255", "2001:db8::1", "8.8.8.8"})
  void decide_shouldBlock_whenDocumentationOrPublicAddress(String address) {
    assertThat(
            only(policy.decide(
                    finding().ips(ip(address, IpSource.NETWORK_CONNECTION)).build(), true))
                .block())
        .isTrue();
  }

  @Test
  void decide_shouldSkip_whenAllowListed() {
    Policy p = new Policy(ConfigReader.read(json("{\"allowList\":[\"198.51.100.0/24\"]}")));
    IpDecision d = only(p.decide(finding().build(), true));
    assertThat(d.block()).isFalse();
    assertThat(d.reason()).isEqualTo("allow-listed (in 198.51.100.0/24)");
  }

  @Test
  void decide_shouldSkipAll_whenArchived() {
    assertThat(only(policy.decide(finding().archived().build(), true)).reason())
        .contains("archived");
  }

  @Test
  void decide_shouldSkip_whenPolicyType() {
    IpDecision d =
        only(policy.decide(finding().type("Policy:IAMUser/RootCredentialUsage").build(), true));
    assertThat(d.block()).isFalse();
    assertThat(d.reason()).contains("Policy findings never block");
  }

  @Test
  void decide_shouldSkip_whenNotRouted() {
    assertThat(only(policy.decide(finding().build(), false)).reason())
        .contains("does not match the block route");
  }

  @Test
  void decide_shouldBlockSamples_unlessConfiguredOff() {
    assertThat(only(policy.decide(finding().sample().build(), true)).block()).isTrue();
    Policy p = new Policy(ConfigReader.read(json("{\"blockSamples\":false}")));
    assertThat(only(p.decide(finding().sample().build(), true)).reason()).contains("sample");
  }

  @Test
  void decide_shouldSkip_whenAccountNotAccepted() {
    Policy p = new Policy(ConfigReader.read(json("{\"accounts\":[\"444455556666\"]}")));
    assertThat(only(p.decide(finding().build(), true)).reason()).contains("not in the accepted");
    assertThat(p.notifySkipReason(finding().build(), true)).isPresent();
    assertThat(p.decide(finding().account("444455556666").build(), true).get(0).block()).isTrue();
  }

  @Test
  void decideAndNotify_shouldSkipWithAReason_whenAccountsAreSetAndTheFindingNamesNone() {
    Policy p = new Policy(ConfigReader.read(json("{\"accounts\":[\"444455556666\"]}")));
    Finding noAccount = finding().account(null).score(8).build();

    assertThat(only(p.decide(noAccount, true)).block()).isFalse();
    assertThat(only(p.decide(noAccount, true)).reason())
        .isEqualTo("finding names no account, and only the configured accounts are accepted");
    assertThat(p.notifySkipReason(noAccount, true))
        .contains("finding names no account, and only the configured accounts are accepted");
  }

  @Test
  void decide_shouldBlock_whenNoAccountsAreSetAndTheFindingNamesNone() {
    assertThat(only(policy.decide(finding().account(null).build(), true)).block()).isTrue();
  }

  @Test
  void notifySkipReason_shouldBeEmpty_whenMediumOrAbove() {
    assertThat(policy.notifySkipReason(finding().score(4).build(), true)).isEmpty();
    assertThat(policy.notifySkipReason(finding().score(9.5).build(), true)).isEmpty();
  }

  @Test
  void notifySkipReason_shouldExplain_whenLowArchivedOrUnrouted() {
    assertThat(policy.notifySkipReason(finding().score(3).build(), true))
        .get()
        .asString()
        .contains("below the notify threshold");
    assertThat(policy.notifySkipReason(finding().archived().build(), true)).isPresent();
    assertThat(policy.notifySkipReason(finding().build(), false)).isPresent();
  }

  @Test
  void notifySkipReason_shouldNotify_whenPolicyFinding() {
    assertThat(
            policy.notifySkipReason(
                finding().type("Policy:S3/BucketBlockPublicAccessDisabled").build(), true))
        .isEmpty();
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
