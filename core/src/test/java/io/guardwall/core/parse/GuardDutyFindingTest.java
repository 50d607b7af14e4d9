package io.guardwall.core.parse;

import static io.guardwall.core.parse.TestJson.guardDutyEvent;
import static io.guardwall.core.parse.TestJson.json;
import static io.guardwall.core.parse.TestJson.object;
import static io.guardwall.core.parse.TestJson.resource;
import static io.guardwall.core.parse.TestJson.with;
import static io.guardwall.core.parse.TestJson.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.IpSource;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.RemoteIp;
import io.guardwall.core.model.Severity;
import io.guardwall.core.model.SeverityLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GuardDutyFindingTest {

  private final FindingParser parser = FindingParser.create();

  private static ObjectNode finding() {
    return resource("guardduty-finding.json");
  }

  private Finding parseOne(ObjectNode detail) {
    List<FindingResult> results = parser.parse(guardDutyEvent(detail));
    assertThat(results).hasSize(1);
    assertThat(results.get(0).error()).isNull();
    return results.get(0).finding();
  }

  private FindingResult parseInvalid(ObjectNode detail) {
    FindingResult result = parser.parse(guardDutyEvent(detail)).get(0);
    assertThat(result.isValid()).isFalse();
    return result;
  }

  private static ObjectNode action(String json) {
    return with(finding(), "service/action", json(json));
  }

  private static ObjectNode remote(String address) {
    return object("{\"ipAddressV4\": \"" + address + "\"}");
  }

  @Test
  void parse_shouldReadEveryField_whenNativeEvent() {
    Finding f = parseOne(finding());

    assertThat(f.id()).isEqualTo("5b2f4c1e9d7a8b3c6e0f1a2d4c8b7e90");
    assertThat(f.arn()).endsWith(":detector/3ec6f1d2a7b84c0e9f5d2b1a6c8e4f70/finding/" + f.id());
    assertThat(f.type()).isEqualTo("UnauthorizedAccess:EC2/SSHBruteForce");
    assertThat(f.severity()).isEqualTo(new Severity(SeverityLevel.LOW, 2.0));
    assertThat(f.title()).startsWith("198.51.100.23 is performing SSH brute force");
    assertThat(f.description()).endsWith("guessing the SSH password.");
    assertThat(f.accountId()).isEqualTo("111122223333");
    assertThat(f.region()).isEqualTo("us-east-1");
    assertThat(f.product()).isEqualTo("GuardDuty");
    assertThat(f.origin()).isEqualTo(Origin.GUARDDUTY);
    assertThat(f.resource()).isEqualTo("Instance i-0a1b2c3d4e5f60718");
    assertThat(f.archived()).isFalse();
    assertThat(f.sample()).isFalse();
    assertThat(f.warnings()).isEmpty();
    assertThat(f.remoteIps())
        .containsExactly(
            new RemoteIp(
                Cidr.parse("198.51.100.23"),
                IpSource.NETWORK_CONNECTION,
                "INBOUND",
                "Netherlands",
                "64501",
                "Example Hosting B.V."));
  }

  @Test
  void parse_shouldReadEveryProbeEntry_whenPortProbe() {
    Finding f =
        parseOne(
            action(
                """
                {"actionType": "PORT_PROBE", "portProbeAction": {"blocked": false,
                 "portProbeDetails": [
                  {"localPortDetails": {"port": 3389}, "remoteIpDetails": {"ipAddressV4": "198.51.100.40"}},
                  {"localPortDetails": {"port": 3389}, "remoteIpDetails": {"ipAddressV4": "198.51.100.41"}},
                  {"localPortDetails": {"port": 22}, "remoteIpDetails": {"ipAddressV6": "2001:db8::7"}}]}}
                """));

    assertThat(f.remoteIps())
        .extracting(ip -> ip.address().display(), RemoteIp::source, RemoteIp::direction)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("198.51.100.40", IpSource.PORT_PROBE, null),
            org.assertj.core.groups.Tuple.tuple("198.51.100.41", IpSource.PORT_PROBE, null),
            org.assertj.core.groups.Tuple.tuple("2001:db8::7", IpSource.PORT_PROBE, null));
  }

  @Test
  void parse_shouldReadRemoteIp_whenAwsApiCall() {
    ObjectNode detail =
        action(
            """
            {"actionType": "AWS_API_CALL", "awsApiCallAction": {"api": "DescribeInstances",
             "serviceName": "ec2.amazonaws.com", "callerType": "Remote IP",
             "remoteIpDetails": {"ipAddressV4": "192.0.2.15", "country": {"countryName": "Germany"},
              "organization": {"asn": "64505", "asnOrg": "Example Privacy Association"}}}}
            """);
    with(
        detail,
        "resource",
        json(
            "{\"resourceType\": \"AccessKey\", \"accessKeyDetails\": {\"accessKeyId\": \"ASIAIOSFODNN7EXAMPLE\", \"userName\": \"alice\", \"userType\": \"IAMUser\"}}"));

    Finding f = parseOne(detail);

    assertThat(f.remoteIps())
        .containsExactly(
            new RemoteIp(
                Cidr.parse("192.0.2.15"),
                IpSource.AWS_API_CALL,
                null,
                "Germany",
                "64505",
                "Example Privacy Association"));
    assertThat(f.resource()).isEqualTo("AccessKey alice");
  }

  @Test
  void parse_shouldTakeRemoteIpDetailsOnlyAndNeverSourceIps_whenKubernetesApiCall() {
    Finding f =
        parseOne(
            action(
                """
                {"actionType": "KUBERNETES_API_CALL", "kubernetesApiCallAction": {
                 "requestUri": "/api/v1/namespaces/kube-system/secrets", "verb": "list",
                 "sourceIPs": ["203.0.113.99", "198.51.100.250", "198.51.100.251"],
                 "remoteIpDetails": {"ipAddressV4": "203.0.113.99"}, "statusCode": 200}}
                """));

    assertThat(f.remoteIps())
        .containsExactly(RemoteIp.of(Cidr.parse("203.0.113.99"), IpSource.KUBERNETES_API_CALL));
  }

  @Test
  void parse_shouldReadRemoteIp_whenRdsLoginAttempt() {
    Finding f =
        parseOne(
            action(
                """
                {"actionType": "RDS_LOGIN_ATTEMPT", "rdsLoginAttemptAction": {
                 "remoteIpDetails": {"ipAddressV4": "192.0.2.77"},
                 "loginAttributes": [{"user": "app_admin", "successfulLoginAttempts": 1}]}}
                """));

    assertThat(f.remoteIps())
        .containsExactly(RemoteIp.of(Cidr.parse("192.0.2.77"), IpSource.RDS_LOGIN_ATTEMPT));
  }

  @Test
  void parse_shouldReadNoIp_whenDnsRequest() {
    Finding f =
        parseOne(
            action(
                """
                {"actionType": "DNS_REQUEST", "dnsRequestAction": {"domain": "x.example.net",
                 "protocol": "UDP", "blocked": false}}
                """));

    assertThat(f.remoteIps()).isEmpty();
    assertThat(f.warnings()).isEmpty();
  }

  @Test
  void parse_shouldReadBothFamilies_whenRemoteIpDetailsHasIpv4AndIpv6() {
    ObjectNode detail = finding();
    with(
        detail,
        "service/action/networkConnectionAction/remoteIpDetails/ipAddressV6",
        "2001:DB8:0:0::1");

    assertThat(parseOne(detail).remoteIps())
        .extracting(ip -> ip.address().value())
        .containsExactly("198.51.100.23/32", "2001:db8::1/128");
  }

  @Test
  void parse_shouldYieldTheIpv4Address_whenIpv4MappedIpv6() {
    ObjectNode detail = finding();
    without(detail, "service/action/networkConnectionAction/remoteIpDetails/ipAddressV4");
    with(
        detail,
        "service/action/networkConnectionAction/remoteIpDetails/ipAddressV6",
        "::ffff:192.0.2.130");

    RemoteIp ip = parseOne(detail).remoteIps().get(0);

    assertThat(ip.address()).isEqualTo(Cidr.parse("192.0.2.130/32"));
    assertThat(ip.address().isIpv4()).isTrue();
  }

  @Test
  void parse_shouldFallBackToOrgThenIsp_whenAsnOrgMissing() {
    ObjectNode detail = finding();
    String org = "service/action/networkConnectionAction/remoteIpDetails/organization";
    without(detail, org + "/asnOrg");
    assertThat(parseOne(detail).remoteIps().get(0).organization()).isEqualTo("Example Org");

    without(detail, org + "/org");
    assertThat(parseOne(detail).remoteIps().get(0).organization()).isEqualTo("Example ISP");
  }

  @Test
  void parse_shouldKeepGoingWithAWarning_whenAddressIsNoIp() {
    ObjectNode detail =
        action(
            """
            {"actionType": "PORT_PROBE", "portProbeAction": {"portProbeDetails": [
              {"remoteIpDetails": {"ipAddressV4": "not-an-ip"}},
              {"remoteIpDetails": {"ipAddressV4": {"value": "198.51.100.7"}}},
              {"remoteIpDetails": {"ipAddressV4": "198.51.100.7"}}]}}
            """);

    Finding f = parseOne(detail);

    assertThat(f.remoteIps())
        .containsExactly(RemoteIp.of(Cidr.parse("198.51.100.7"), IpSource.PORT_PROBE));
    assertThat(f.warnings())
        .containsExactly(
            "skipped remote address 'not-an-ip' in portProbeAction: not an IP address",
            "skipped remote address in portProbeAction: ipAddressV4 is an object, expected text");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "198.51.100.0/24",
        "198.51.100.1-200",
        "198.51.100.*",
        "0.0.0.0-255.255.255.255",
        "*",
        "1",
        "3325256705",
        "0xc6336401",
        "010.0.0.1",
        "198.51.100.07",
        "::ffff:010.0.0.1",
        "198.51.100.1.5",
        "2001:db8::/32",
        "2001:db8::1-2",
        "fe80::1%eth0",
        "999.1.1.1",
        "example.com"
      })
  void parse_shouldSkipWithAWarning_whenAddressIsNoSingleAddressInStandardNotation(String text) {
    ObjectNode detail = finding();
    with(detail, "service/action/networkConnectionAction/remoteIpDetails/ipAddressV4", text);

    Finding f = parseOne(detail);

    assertThat(f.remoteIps()).isEmpty();
    assertThat(f.warnings())
        .containsExactly(
            "skipped remote address '" + text + "' in networkConnectionAction: not an IP address");
  }

  @Test
  void parse_shouldWarn_whenPortProbeDetailsIsNoArray() {
    Finding f =
        parseOne(
            action(
                """
                {"actionType": "PORT_PROBE", "portProbeAction": {"portProbeDetails":
                  {"remoteIpDetails": {"ipAddressV4": "198.51.100.7"}}}}
                """));

    assertThat(f.remoteIps()).isEmpty();
    assertThat(f.warnings())
        .containsExactly("skipped portProbeAction.portProbeDetails: an object, not an array");
  }

  @Test
  void parse_shouldListAnAddressOncePerSource_whenRepeated() {
    Finding f =
        parseOne(
            action(
                """
                {"networkConnectionAction": {"remoteIpDetails": {"ipAddressV4": "198.51.100.7"}},
                 "portProbeAction": {"portProbeDetails": [
                  {"remoteIpDetails": {"ipAddressV4": "198.51.100.7"}},
                  {"remoteIpDetails": {"ipAddressV4": "198.51.100.7"}},
                  {"remoteIpDetails": {"ipAddressV6": "::ffff:198.51.100.7"}}]}}
                """));

    assertThat(f.remoteIps())
        .extracting(RemoteIp::source)
        .containsExactly(IpSource.NETWORK_CONNECTION, IpSource.PORT_PROBE);
  }

  @Test
  void parse_shouldCapRemoteIpsWithAWarning_whenMoreThanAThousand() {
    StringBuilder probes = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      probes.append(i == 0 ? "" : ",");
      probes.append("{\"remoteIpDetails\": {\"ipAddressV4\": \"198.18.");
      probes.append(i / 256).append('.').append(i % 256).append("\"}}");
    }

    Finding f = parseOne(action("{\"portProbeAction\": {\"portProbeDetails\": [" + probes + "]}}"));

    assertThat(f.remoteIps()).hasSize(1000);
    assertThat(f.remoteIps().get(999).address().display()).isEqualTo("198.18.3.231");
    assertThat(f.warnings())
        .containsExactly("more than 1000 remote addresses: kept the first 1000, skipped 500");
  }

  @Test
  void parse_shouldCapWarnings_whenManyBadAddresses() {
    StringBuilder probes = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      probes.append(i == 0 ? "" : ",");
      probes.append("{\"remoteIpDetails\": {\"ipAddressV4\": \"bad-").append(i).append("\"}}");
    }

    Finding f = parseOne(action("{\"portProbeAction\": {\"portProbeDetails\": [" + probes + "]}}"));

    assertThat(f.warnings()).hasSize(101);
    assertThat(f.warnings().get(100)).isEqualTo("50 more warnings not shown");
  }

  @Test
  void parse_shouldCapStrings_whenHuge() {
    String huge = "A".repeat(100_000);
    ObjectNode detail = finding();
    with(detail, "title", huge);
    with(detail, "description", "<!channel> " + huge);
    with(detail, "id", huge);
    with(
        detail, "service/action/networkConnectionAction/remoteIpDetails/country/countryName", huge);
    with(detail, "service/action/networkConnectionAction/remoteIpDetails/ipAddressV6", huge);

    Finding f = parseOne(detail);

    assertThat(f.title()).hasSize(4096);
    assertThat(f.description()).hasSize(4096).startsWith("<!channel> ");
    assertThat(f.id()).hasSize(4096);
    assertThat(f.remoteIps().get(0).country()).hasSize(4096);
    assertThat(f.warnings()).singleElement().asString().hasSizeLessThan(200);
  }

  @Test
  void parse_shouldReportTheFinding_whenSeverityIsNumericText() {
    assertThat(parseInvalid(with(finding(), "severity", " 5.0 ")).error())
        .endsWith(
            "severity is text ' 5.0 ', expected a number: EventBridge patterns compare numbers"
                + " only");
  }

  @Test
  void parse_shouldMapEachBand_whenSeverityIsAScore() {
    assertThat(parseOne(with(finding(), "severity", json("0.5"))).severity().level())
        .isEqualTo(SeverityLevel.INFORMATIONAL);
    assertThat(parseOne(with(finding(), "severity", json("6.9"))).severity().level())
        .isEqualTo(SeverityLevel.MEDIUM);
    assertThat(parseOne(with(finding(), "severity", json("7"))).severity().level())
        .isEqualTo(SeverityLevel.HIGH);
    assertThat(parseOne(with(finding(), "severity", json("9.0"))).severity().level())
        .isEqualTo(SeverityLevel.CRITICAL);
  }

  @Test
  void parse_shouldReportTheFinding_whenSeverityHasAWrongType() {
    FindingResult result = parseInvalid(with(finding(), "severity", json("{\"score\": 8}")));

    assertThat(result.id()).isEqualTo("5b2f4c1e9d7a8b3c6e0f1a2d4c8b7e90");
    assertThat(result.type()).isEqualTo("UnauthorizedAccess:EC2/SSHBruteForce");
    assertThat(result.error())
        .isEqualTo(
            "finding 5b2f4c1e9d7a8b3c6e0f1a2d4c8b7e90: severity is an object, expected a number");
    assertThat(parseInvalid(with(finding(), "severity", json("[8]"))).error())
        .endsWith("severity is an array, expected a number");
    assertThat(parseInvalid(with(finding(), "severity", json("true"))).error())
        .endsWith("severity is a boolean, expected a number");
  }

  @Test
  void parse_shouldReportTheFinding_whenSeverityIsNoNumberOrOutOfRange() {
    assertThat(parseInvalid(with(finding(), "severity", "high")).error())
        .contains("severity is text 'high', expected a number");
    assertThat(parseInvalid(with(finding(), "severity", "NaN")).error())
        .contains("severity is text 'NaN', expected a number");
    assertThat(parseInvalid(with(finding(), "severity", json("1e999"))).error())
        .endsWith("severity out of range 0-10: Infinity");
    assertThat(parseInvalid(with(finding(), "severity", json("1" + "0".repeat(400)))).error())
        .endsWith("severity out of range 0-10: Infinity");
    assertThat(parseInvalid(with(finding(), "severity", "8".repeat(5000))).error())
        .hasSizeLessThan(200);
    assertThat(parseInvalid(with(finding(), "severity", json("11"))).error())
        .endsWith("severity out of range 0-10: 11.0");
    assertThat(parseInvalid(with(finding(), "severity", json("-1"))).error())
        .endsWith("severity out of range 0-10: -1.0");
  }

  @Test
  void parse_shouldNameEveryMissingField_whenIdTypeOrSeverityMissing() {
    FindingResult noSeverity = parseInvalid(without(finding(), "severity"));
    assertThat(noSeverity.error())
        .isEqualTo("finding 5b2f4c1e9d7a8b3c6e0f1a2d4c8b7e90: severity missing");

    FindingResult noId = parseInvalid(without(finding(), "id"));
    assertThat(noId.id()).isNull();
    assertThat(noId.type()).isEqualTo("UnauthorizedAccess:EC2/SSHBruteForce");
    assertThat(noId.error()).isEqualTo("finding #1: id missing");

    FindingResult nothing =
        parseInvalid(without(without(without(finding(), "id"), "type"), "severity"));
    assertThat(nothing.error()).isEqualTo("finding #1: id missing; type missing; severity missing");
  }

  @Test
  void parse_shouldReportTheFinding_whenIdOrTypeHasAWrongTypeOrIsBlank() {
    assertThat(parseInvalid(with(finding(), "id", json("42"))).error())
        .isEqualTo("finding #1: id is a number, expected text");
    assertThat(parseInvalid(with(finding(), "type", json("null"))).error())
        .endsWith(": type missing");
    assertThat(parseInvalid(with(finding(), "type", "  ")).error()).endsWith(": type is blank");
  }

  @Test
  void parse_shouldMarkArchived_whenServiceArchived() {
    assertThat(parseOne(with(finding(), "service/archived", json("true"))).archived()).isTrue();
    assertThat(parseOne(with(finding(), "service/archived", "true")).archived()).isTrue();
    assertThat(parseOne(with(finding(), "service/archived", "false")).archived()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "\"yes\"", "[true]", "{}"})
  void parse_shouldNameArchived_whenItIsNoBoolean(String value) {
    Finding f = parseOne(with(finding(), "service/archived", json(value)));
    assertThat(f.archived()).isFalse();
    assertThat(f.warnings()).singleElement().asString().startsWith("service.archived is ");
  }

  @Test
  void parse_shouldMarkSample_whenAdditionalInfoSaysSo() {
    assertThat(parseOne(with(finding(), "service/additionalInfo/sample", json("true"))).sample())
        .isTrue();
    assertThat(parseOne(with(finding(), "service/additionalInfo/sample", "true")).sample())
        .isTrue();
    assertThat(
            parseOne(with(finding(), "service/additionalInfo/value", "{\"sample\":true}")).sample())
        .isTrue();
    assertThat(
            parseOne(with(finding(), "service/additionalInfo/value", "{\"sample\":false}"))
                .sample())
        .isFalse();
    assertThat(parseOne(with(finding(), "service/additionalInfo/value", "{sample")).sample())
        .isFalse();
  }

  @Test
  void parse_shouldTakeAccountAndRegionFromTheEvent_whenFindingLacksThem() {
    ObjectNode detail = without(without(finding(), "accountId"), "region");
    ObjectNode event = guardDutyEvent(detail);
    with(event, "region", "ap-southeast-2");

    Finding f = parser.parse(event).get(0).finding();

    assertThat(f.accountId()).isEqualTo("111122223333");
    assertThat(f.region()).isEqualTo("ap-southeast-2");
  }

  @Test
  void parse_shouldDescribeTheResource_forEachResourceType() {
    assertThat(
            resourceOf(
                "{\"resourceType\": \"EKSCluster\", \"eksClusterDetails\": {\"name\": \"prod-eks\"}}"))
        .isEqualTo("EKSCluster prod-eks");
    assertThat(
            resourceOf(
                "{\"resourceType\": \"RDSDBInstance\", \"rdsDbInstanceDetails\": {\"dbInstanceIdentifier\": \"orders-db-1\"}}"))
        .isEqualTo("RDSDBInstance orders-db-1");
    assertThat(
            resourceOf(
                "{\"resourceType\": \"S3Bucket\", \"s3BucketDetails\": [{\"name\": \"logs\"}]}"))
        .isEqualTo("S3Bucket logs");
    assertThat(
            resourceOf(
                "{\"resourceType\": \"AccessKey\", \"accessKeyDetails\": {\"accessKeyId\": \"ASIAIOSFODNN7EXAMPLE\"}}"))
        .isEqualTo("AccessKey ASIAIOSFODNN7EXAMPLE");
    assertThat(
            resourceOf(
                "{\"resourceType\": \"Lambda\", \"lambdaDetails\": {\"functionName\": \"f\"}}"))
        .isEqualTo("Lambda f");
    assertThat(resourceOf("{\"resourceType\": \"ECSCluster\"}")).isEqualTo("ECSCluster");
    assertThat(resourceOf("{}")).isNull();
  }

  private String resourceOf(String resource) {
    return parseOne(with(finding(), "resource", json(resource))).resource();
  }

  @Test
  void parse_shouldReadPascalCaseKeysAtEveryLevel_whenApiShapedFinding() {
    Finding f = parseOne(resource("guardduty-finding-pascal.json"));

    assertThat(f.id()).isEqualTo("0c4e8a2f6b1d3c5e7a9b0d2f4e6a8c1b");
    assertThat(f.type()).isEqualTo("Recon:EC2/PortProbeUnprotectedPort");
    assertThat(f.severity()).isEqualTo(Severity.ofScore(2.0));
    assertThat(f.accountId()).isEqualTo("111122223333");
    assertThat(f.region()).isEqualTo("eu-west-1");
    assertThat(f.resource()).isEqualTo("Instance i-0d4e5f60718293a4b");
    assertThat(f.title())
        .isEqualTo("Unprotected port on EC2 instance i-0d4e5f60718293a4b is being probed.");
    assertThat(f.arn()).startsWith("arn:aws:guardduty:eu-west-1:111122223333:detector/");
    assertThat(f.sample()).isTrue();
    assertThat(f.archived()).isFalse();
    assertThat(f.remoteIps())
        .containsExactly(
            new RemoteIp(
                Cidr.parse("203.0.113.31"),
                IpSource.PORT_PROBE,
                null,
                "Chile",
                "64499",
                "Example Cable Co"),
            new RemoteIp(
                Cidr.parse("2001:db8:ffff::31"),
                IpSource.PORT_PROBE,
                null,
                "Chile",
                "64499",
                "Example Cable ISP"));
  }

  @Test
  void parse_shouldReadTheSame_whenKeysAreCamelOrPascalCase() {
    ObjectNode camel = finding();
    ObjectNode pascal =
        object(
            """
            {"Id": "5b2f4c1e9d7a8b3c6e0f1a2d4c8b7e90", "Type": "UnauthorizedAccess:EC2/SSHBruteForce",
             "Severity": 2, "AccountId": "111122223333", "Region": "us-east-1",
             "UpdatedAt": "2025-06-03T09:52:07.846Z",
             "Arn": "arn:aws:guardduty:us-east-1:111122223333:detector/3ec6f1d2a7b84c0e9f5d2b1a6c8e4f70/finding/5b2f4c1e9d7a8b3c6e0f1a2d4c8b7e90",
             "Title": "198.51.100.23 is performing SSH brute force attacks against i-0a1b2c3d4e5f60718.",
             "Description": "198.51.100.23 is performing SSH brute force attacks against i-0a1b2c3d4e5f60718. Brute force attacks are used to gain unauthorized access to your instance by guessing the SSH password.",
             "Resource": {"ResourceType": "Instance", "InstanceDetails": {"InstanceId": "i-0a1b2c3d4e5f60718"}},
             "Service": {"Archived": false, "ResourceRole": "TARGET",
               "Action": {"NetworkConnectionAction": {
               "ConnectionDirection": "INBOUND",
               "RemoteIpDetails": {"IpAddressV4": "198.51.100.23",
                 "Organization": {"Asn": "64501", "AsnOrg": "Example Hosting B.V."},
                 "Country": {"CountryName": "Netherlands"}}}}}}
            """);

    assertThat(parseOne(pascal)).isEqualTo(parseOne(camel));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "service | [{\"action\": {}}] | skipped service: is an array, expected an object",
        "service | \"x\" | skipped service: is text, expected an object",
        "service/action | 42 | skipped service.action: is a number, expected an object",
        "service/action/networkConnectionAction | [] |"
            + " skipped networkConnectionAction: is an array, expected an object",
        "service/action/networkConnectionAction/remoteIpDetails | \"198.51.100.23\" |"
            + " skipped networkConnectionAction.remoteIpDetails: is text, expected an object",
        "service/action/networkConnectionAction/remoteIpDetails | [{\"ipAddressV4\":"
            + " \"198.51.100.23\"}] |"
            + " skipped networkConnectionAction.remoteIpDetails: is an array, expected an object"
      })
  void parse_shouldWarnNamingFieldAndType_whenAnObjectOnTheWayToTheAddressHasAnotherType(
      String path, String value, String warning) {
    Finding f = parseOne(with(finding(), path, json(value)));

    assertThat(f.remoteIps()).isEmpty();
    assertThat(f.warnings()).containsExactly(warning);
  }

  @Test
  void parse_shouldKeepTheAddressAndWarn_whenOrganizationOrCountryHasAnotherType() {
    String details = "service/action/networkConnectionAction/remoteIpDetails";
    ObjectNode detail = with(finding(), details + "/organization", json("\"AS64501\""));
    with(detail, details + "/country", json("[\"NL\"]"));

    Finding f = parseOne(detail);

    assertThat(f.remoteIps())
        .extracting(RemoteIp::asn, RemoteIp::country)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, null));
    assertThat(f.warnings())
        .containsExactly(
            "skipped networkConnectionAction.remoteIpDetails.organization: is text, expected an"
                + " object",
            "skipped networkConnectionAction.remoteIpDetails.country: is an array, expected an"
                + " object");
  }

  @Test
  void parse_shouldWarnForEachEntry_whenPortProbeDetailsHoldNoObjects() {
    Finding f =
        parseOne(
            action(
                """
                {"portProbeAction": {"portProbeDetails": ["198.51.100.40", null,
                  {"remoteIpDetails": {"ipAddressV4": "198.51.100.41"}}]}}
                """));

    assertThat(f.remoteIps())
        .containsExactly(RemoteIp.of(Cidr.parse("198.51.100.41"), IpSource.PORT_PROBE));
    assertThat(f.warnings())
        .containsExactly(
            "skipped portProbeAction.portProbeDetails[0]: is text, expected an object");
  }

  @Test
  void parse_shouldWarn_whenResourceOrAdditionalInfoHasAnotherType() {
    ObjectNode detail = with(finding(), "resource", json("[]"));
    with(detail, "service/additionalInfo", json("\"sample\""));

    Finding f = parseOne(detail);

    assertThat(f.resource()).isNull();
    assertThat(f.sample()).isFalse();
    assertThat(f.warnings())
        .containsExactlyInAnyOrder(
            "skipped resource: is an array, expected an object",
            "skipped service.additionalInfo: is text, expected an object");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-1",
        "0",
        "",
        " ",
        "null",
        "NULL",
        "AS0",
        "4294967295",
        "99999999999",
        "-64501",
        "64501x",
        "AS 64501",
        "Unknown"
      })
  void parse_shouldLeaveTheAsnOut_whenItIsAPlaceholderOrNoAsNumber(String asn) {
    ObjectNode detail =
        with(
            finding(),
            "service/action/networkConnectionAction/remoteIpDetails/organization/asn",
            asn);

    assertThat(parseOne(detail).remoteIps().get(0).asn()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "64501, 64501",
    "AS64501, 64501",
    "as64501, 64501",
    "' 0064501 ', 64501",
    "1, 1",
    "4294967294, 4294967294"
  })
  void parse_shouldKeepThePlainNumber_whenAsnIsKnown(String asn, String expected) {
    ObjectNode detail =
        with(
            finding(),
            "service/action/networkConnectionAction/remoteIpDetails/organization/asn",
            asn);

    assertThat(parseOne(detail).remoteIps().get(0).asn()).isEqualTo(expected);
  }

  @Test
  void parse_shouldLeaveTheAsnOut_whenItIsTheNumberMinusOneOrZero() {
    String asn = "service/action/networkConnectionAction/remoteIpDetails/organization/asn";

    assertThat(parseOne(with(finding(), asn, json("-1"))).remoteIps().get(0).asn()).isNull();
    assertThat(parseOne(with(finding(), asn, json("0"))).remoteIps().get(0).asn()).isNull();
    assertThat(parseOne(with(finding(), asn, json("1e400"))).remoteIps().get(0).asn()).isNull();
    assertThat(parseOne(with(finding(), asn, json("64501"))).remoteIps().get(0).asn())
        .isEqualTo("64501");
  }
}
