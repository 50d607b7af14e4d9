package io.guardwall.core.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.testing.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

class RouterTest {

  private final Router router = Router.create(SeverityLevel.MEDIUM);

  private static String event(String name) {
    return Resources.text(RouterTest.class, name);
  }

  private static String sample(String name) {
    return Resources.sample("events/" + name);
  }

  private static String upstream(String name) {
    return Resources.sample("events/upstream/" + name);
  }

  @Test
  void routes_shouldBlockAndNotify_whenNativeNetworkConnectionAtMedium() {
    assertThat(router.routes(event("guardduty-network.json")))
        .containsExactlyInAnyOrder(Route.BLOCK, Route.NOTIFY);
  }

  @Test
  void routes_shouldOnlyBlock_whenPortProbeIsLow() {
    assertThat(router.routes(event("guardduty-portprobe-low.json"))).containsExactly(Route.BLOCK);
  }

  @Test
  void routes_shouldOnlyNotify_whenDnsFindingHasNoRemoteAddress() {
    assertThat(router.routes(event("guardduty-dns-high.json"))).containsExactly(Route.NOTIFY);
  }

  @Test
  void routes_shouldBlockAndNotify_whenSecurityHubImportsGuardDutyHighFinding() {
    assertThat(router.routes(upstream("aws-networkfirewall-guardduty__securityhub-testevent.json")))
        .containsExactlyInAnyOrder(Route.BLOCK, Route.NOTIFY);
  }

  @Test
  void routes_shouldBlockAndNotify_whenSecurityHubOcsfGuardDutyHighFinding() {
    assertThat(router.routes(sample("23-securityhub-ocsf-same-finding-as-02.json")))
        .containsExactlyInAnyOrder(Route.BLOCK, Route.NOTIFY);
    assertThat(router.routes(sample("24-securityhub-ocsf-port-probe.json")))
        .containsExactly(Route.BLOCK);
  }

  @Test
  void routes_shouldOnlyNotify_whenOcsfDetectionFindingOfAnotherProduct() {
    assertThat(router.routes(sample("27-securityhub-ocsf-other-product.json")))
        .containsExactly(Route.NOTIFY);
  }

  @Test
  void routes_shouldMatchNothing_whenOcsfFindingIsNoDetectionFinding() {
    String compliance =
        sample("27-securityhub-ocsf-other-product.json")
            .replace("\"class_uid\": 2004", "\"class_uid\": 2003");
    String guardDuty =
        sample("23-securityhub-ocsf-same-finding-as-02.json")
            .replace("\"class_uid\": 2004", "\"class_uid\": 2003");

    assertThat(router.routes(compliance)).isEmpty();
    assertThat(router.routes(guardDuty)).isEmpty();
  }

  @Test
  void routes_shouldMatchNothing_whenSecurityHubFindingIsLowAndNotGuardDuty() {
    assertThat(router.routes(event("securityhub-inspector-low.json"))).isEmpty();
  }

  @Test
  void routes_shouldNotifyLowFindings_whenThresholdIsLow() {
    Router low = Router.create(SeverityLevel.LOW);
    assertThat(low.routes(event("guardduty-portprobe-low.json")))
        .containsExactlyInAnyOrder(Route.BLOCK, Route.NOTIFY);
    assertThat(low.routes(event("securityhub-inspector-low.json"))).containsExactly(Route.NOTIFY);
  }

  @Test
  void routes_shouldSkipMediumFindings_whenThresholdIsHigh() {
    Router high = Router.create(SeverityLevel.HIGH);
    assertThat(high.routes(event("guardduty-network.json"))).containsExactly(Route.BLOCK);
  }

  @Test
  void routes_shouldMatchNothing_whenEventHasNoEnvelope() {
    assertThat(router.routes(upstream("amazon-guardduty-waf-acl__gd2acl_test_event.json")))
        .isEmpty();
  }

  @Test
  void routes_shouldMatchNothing_whenEventIsUnrelated() {
    assertThat(router.routes("{\"source\":\"aws.ec2\",\"detail-type\":\"x\",\"detail\":{}}"))
        .isEmpty();
  }

  @Test
  void routes_shouldReject_whenTextIsNotJson() {
    assertThatThrownBy(() -> router.routes("{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void seedPatterns_shouldMatchNoRealEvent() throws Exception {
    Machine seed = new Machine();
    seed.addRule("ipv4", event("seed-ipv4-pattern.json"));
    seed.addRule("others", event("seed-others-pattern.json"));
    for (String e :
        List.of(
            event("guardduty-network.json"),
            upstream("aws-networkfirewall-guardduty__securityhub-testevent.json"),
            upstream("aws-networkfirewall-guardduty__securityhub-testevent@f8e9232.json"))) {
      assertThat(seed.rulesForJSONEvent(e)).isEmpty();
    }
  }

  @Test
  void load_shouldRewriteBothSeverityFilters_whenThresholdDiffersFromFile() {
    String pattern = EventPatterns.load(Route.NOTIFY, SeverityLevel.CRITICAL).toString();
    assertThat(pattern).contains("[\">=\",9.0,\"<=\",10.0]").contains("\"Label\":[\"CRITICAL\"]");
    assertThat(EventPatterns.load(Route.NOTIFY, SeverityLevel.MEDIUM))
        .isEqualTo(EventPatterns.load(Route.NOTIFY));
  }
}
