package io.guardwall.core.parse;

import static io.guardwall.core.parse.TestJson.guardDutyEvent;
import static io.guardwall.core.parse.TestJson.json;
import static io.guardwall.core.parse.TestJson.resource;
import static io.guardwall.core.parse.TestJson.securityHubEvent;
import static io.guardwall.core.parse.TestJson.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.ResourceRole;
import io.guardwall.core.testing.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resource role and own addresses the parser reads from GuardDuty and ASFF findings. */
class ResourceFactsParseTest {

  private final FindingParser parser = FindingParser.create();

  private Finding parseOne(JsonNode event) {
    List<FindingResult> results = parser.parse(parser.normalize(event));
    assertThat(results).hasSize(1);
    assertThat(results.get(0).error()).isNull();
    return results.get(0).finding();
  }

  private Finding sample(String name) {
    return parseOne(json(Resources.sample("events/" + name)));
  }

  private Finding guardDuty(String path, String valueJson) {
    return parseOne(
        guardDutyEvent(with(resource("guardduty-finding.json"), path, json(valueJson))));
  }

  private Finding asff(String path, String valueJson) {
    return parseOne(securityHubEvent(with(resource("asff-finding.json"), path, json(valueJson))));
  }

  private static List<String> own(Finding f) {
    return f.resourceFacts().addresses().stream().map(Cidr::display).toList();
  }

  @Test
  void parse_shouldReadInstanceAddressesAndRole_whenGuardDutySampleFinding() {
    Finding f = sample("upstream/amazon-guardduty-waf-acl__gd2acl_test_event.json");

    assertThat(f.resourceFacts().role()).isEqualTo(ResourceRole.TARGET);
    // The generated sample names 198.51.100.0 both as the instance's public IP and as the remote.
    assertThat(own(f)).containsExactly("10.0.0.1", "198.51.100.0");
    assertThat(f.warnings()).isEmpty();
  }

  @Test
  void parse_shouldReadActor_whenOutboundC2Finding() {
    Finding f = sample("02-guardduty-c2-outbound.json");

    assertThat(f.resourceFacts().role()).isEqualTo(ResourceRole.ACTOR);
    assertThat(own(f)).containsExactly("172.31.40.17");
  }

  @Test
  void parse_shouldReadLocalIpOfEveryProbe_whenPortProbeFinding() {
    Finding f = sample("03-guardduty-port-probe.json");

    assertThat(own(f)).containsExactly("172.31.7.15");
  }

  @Test
  void parse_shouldReadPascalCaseKeys_whenApiOutput() {
    Finding f = sample("20-cli-get-findings-finding.json");

    assertThat(f.resourceFacts().role()).isEqualTo(ResourceRole.TARGET);
    assertThat(own(f)).containsExactly("172.31.22.9");
  }

  @Test
  void parse_shouldReadEveryInterfaceAddress_whenSeveralInterfaces() {
    Finding f =
        guardDuty(
            "resource/instanceDetails/networkInterfaces",
            """
            [{"privateIpAddress": "172.31.1.10", "publicIp": "203.0.113.10",
              "privateIpAddresses": [{"privateIpAddress": "172.31.1.10"},
                                     {"privateIpAddress": "172.31.1.11"}],
              "ipv6Addresses": ["2001:db8:1::10"]},
             {"privateIpAddress": "172.31.2.20", "publicIp": "",
              "ipv6Addresses": []}]
            """);

    assertThat(own(f))
        .containsExactlyInAnyOrder(
            "172.31.1.10", "203.0.113.10", "172.31.1.11", "2001:db8:1::10", "172.31.2.20");
    assertThat(f.warnings()).isEmpty();
  }

  @Test
  void parse_shouldReadLocalIpv6_whenConnectionIsIpv6() {
    Finding f =
        guardDuty(
            "service/action/networkConnectionAction/localIpDetails",
            "{\"ipAddressV6\": \"2001:db8:2::7\"}");

    assertThat(own(f)).containsExactly("2001:db8:2::7");
  }

  @Test
  void parse_shouldReadAddressesAndRole_whenAsffSampleFinding() {
    Finding f = sample("upstream/aws-networkfirewall-guardduty__securityhub-testevent.json");

    assertThat(f.resourceFacts().role()).isEqualTo(ResourceRole.TARGET);
    assertThat(own(f)).containsExactly("10.0.0.1", "198.51.100.0", "10.0.0.23");
  }

  @Test
  void parse_shouldReadAsffEc2AddressesAndActionLocalIp() {
    ObjectNode finding = resource("asff-finding.json");
    with(
        finding,
        "Resources",
        json(
            """
            [{"Type": "AwsEc2Instance", "Id": "i-1", "ResourceRole": "Actor",
              "Details": {"AwsEc2Instance": {"IpV4Addresses": ["172.31.12.61", "203.0.113.8"],
                                             "IpV6Addresses": ["2001:db8:3::8"]}}}]
            """));
    with(
        finding,
        "Action",
        json(
            """
            {"ActionType": "NETWORK_CONNECTION", "NetworkConnectionAction": {
              "ConnectionDirection": "OUTBOUND",
              "LocalIpDetails": {"IpAddressV4": "172.31.12.62"},
              "RemoteIpDetails": {"IpAddressV4": "203.0.113.66"}}}
            """));

    Finding f = parseOne(securityHubEvent(finding));

    assertThat(f.resourceFacts().role()).isEqualTo(ResourceRole.ACTOR);
    assertThat(own(f))
        .containsExactlyInAnyOrder("172.31.12.61", "203.0.113.8", "2001:db8:3::8", "172.31.12.62");
  }

  @ParameterizedTest
  @CsvSource({
    "IN, 198.51.100.9, 203.0.113.9, 203.0.113.9",
    "OUT, 203.0.113.9, 198.51.100.9, 203.0.113.9",
    "in, 198.51.100.9, 203.0.113.9, 203.0.113.9"
  })
  void parse_shouldTakeTheLocalSideOfAsffNetwork_byDirection(
      String direction, String source, String destination, String local) {
    Finding f =
        asff(
            "Network",
            "{\"Direction\": \"%s\", \"SourceIpV4\": \"%s\", \"DestinationIpV4\": \"%s\"}"
                .formatted(direction, source, destination));

    assertThat(own(f)).contains(local).doesNotContain("198.51.100.9");
  }

  @Test
  void parse_shouldTakeNoNetworkAddress_whenAsffDirectionUnknown() {
    Finding f =
        asff("Network", "{\"SourceIpV4\": \"198.51.100.9\", \"DestinationIpV4\": \"203.0.113.9\"}");

    assertThat(own(f)).containsExactly("172.31.12.61");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "7|UNKNOWN|service.resourceRole: a number, expected ACTOR or TARGET",
        "{\"x\": 1}|UNKNOWN|service.resourceRole: an object, expected ACTOR or TARGET",
        "\"BYSTANDER\"|UNKNOWN|service.resourceRole 'BYSTANDER': not ACTOR or TARGET",
        "\" actor \"|ACTOR|",
        "\"\"|UNKNOWN|",
        "null|UNKNOWN|"
      })
  void parse_shouldWarnAndKeepGoing_whenResourceRoleIsBad(
      String value, ResourceRole role, String warning) {
    Finding f = guardDuty("service/resourceRole", value);

    assertThat(f.resourceFacts().role()).isEqualTo(role);
    assertThat(f.remoteIps()).hasSize(1);
    if (warning == null) {
      assertThat(f.warnings()).isEmpty();
    } else {
      assertThat(f.warnings()).singleElement().asString().endsWith(warning);
    }
  }

  @Test
  void parse_shouldWarnAndKeepTheRest_whenInterfaceAddressesAreNotIps() {
    Finding f =
        guardDuty(
            "resource/instanceDetails/networkInterfaces",
            """
            [{"privateIpAddress": 42, "publicIp": "GeneratedFindingPublicIp",
              "privateIpAddresses": {"privateIpAddress": "172.31.1.11"},
              "ipv6Addresses": "2001:db8::1"},
             {"privateIpAddress": "10.0.0.300", "publicIp": "203.0.113.10"}]
            """);

    assertThat(own(f)).containsExactly("203.0.113.10");
    assertThat(f.remoteIps()).hasSize(1);
    assertThat(f.warnings())
        .containsExactly(
            "skipped resource address in networkInterfaces[0].privateIpAddress: a number,"
                + " expected text",
            "skipped resource address in networkInterfaces[0].publicIp:"
                + " 'GeneratedFindingPublicIp', not an IP address",
            "skipped resource address in networkInterfaces[0].ipv6Addresses: text, expected an"
                + " array",
            "skipped resource address in networkInterfaces[0].privateIpAddresses: an object,"
                + " expected an array",
            "skipped resource address in networkInterfaces[1].privateIpAddress: '10.0.0.300',"
                + " not an IP address");
  }

  @Test
  void parse_shouldWarn_whenNetworkInterfacesIsNotAnArray() {
    Finding f = guardDuty("resource/instanceDetails/networkInterfaces", "\"eni-1\"");

    assertThat(own(f)).isEmpty();
    assertThat(f.warnings())
        .containsExactly("skipped resource address in networkInterfaces: text, expected an array");
  }

  @Test
  void parse_shouldWarn_whenAsffAddressesAreNotIps() {
    ObjectNode finding = resource("asff-finding.json");
    with(
        finding,
        "Resources",
        json(
            "[{\"Type\": \"AwsEc2Instance\", \"Id\": \"i-1\", \"ResourceRole\": 5,"
                + " \"Details\": {\"AwsEc2Instance\": {\"IpV4Addresses\": [\"not-an-ip\"]}}}]"));

    Finding f = parseOne(securityHubEvent(finding));

    assertThat(f.resourceFacts().role()).isEqualTo(ResourceRole.UNKNOWN);
    assertThat(f.warnings())
        .containsExactly(
            "skipped resource address in Resources[0].Details.AwsEc2Instance.IpV4Addresses:"
                + " 'not-an-ip', not an IP address",
            "ignored Resources[0].ResourceRole: a number, expected ACTOR or TARGET");
  }

  @Test
  void parse_shouldCapOwnAddresses_whenAbsurdlyMany() {
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < OwnAddresses.MAX_ADDRESSES + 10; i++) {
      many.append(i == 0 ? "" : ",").append("\"2001:db8::").append(Integer.toHexString(i + 1));
      many.append("\"");
    }
    Finding f =
        guardDuty(
            "resource/instanceDetails/networkInterfaces",
            "[{\"ipv6Addresses\": " + many.append("]") + "}]");

    assertThat(f.resourceFacts().addresses()).hasSize(OwnAddresses.MAX_ADDRESSES);
    assertThat(f.warnings()).singleElement().asString().contains("kept the first");
  }
}
