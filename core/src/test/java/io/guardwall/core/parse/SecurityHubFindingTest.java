package io.guardwall.core.parse;

import static io.guardwall.core.parse.TestJson.json;
import static io.guardwall.core.parse.TestJson.object;
import static io.guardwall.core.parse.TestJson.resource;
import static io.guardwall.core.parse.TestJson.securityHubEvent;
import static io.guardwall.core.parse.TestJson.with;
import static io.guardwall.core.parse.TestJson.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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

class SecurityHubFindingTest {

  private static final String FINDING_ID = "e1c3a5b7d9f0e2c4a6b8d0f1e3c5a7b9";

  private final FindingParser parser = FindingParser.create();

  private static ObjectNode finding() {
    return resource("asff-finding.json");
  }

  /** The fixture without its Action object and ProductFields: no remote address at all. */
  private static ObjectNode bare() {
    return without(without(finding(), "Action"), "ProductFields");
  }

  private Finding parseOne(ObjectNode finding) {
    List<FindingResult> results = parser.parse(securityHubEvent(finding));
    assertThat(results).hasSize(1);
    assertThat(results.get(0).error()).isNull();
    return results.get(0).finding();
  }

  private String errorOf(ObjectNode finding) {
    FindingResult result = parser.parse(securityHubEvent(finding)).get(0);
    assertThat(result.isValid()).isFalse();
    return result.error();
  }

  private static ObjectNode productFields(String json) {
    return with(bare(), "ProductFields", json(json));
  }

  @Test
  void parse_shouldReadEveryField_whenGuardDutyAsffFinding() {
    Finding f = parseOne(finding());

    assertThat(f.id()).isEqualTo(FINDING_ID);
    assertThat(f.arn())
        .isEqualTo(
            "arn:aws:guardduty:eu-west-1:111122223333:detector/8a41c0e5d9f2b7a3c6e1f4d8b2a9c5e7/finding/"
                + FINDING_ID);
    assertThat(f.type()).isEqualTo("Backdoor:EC2-C&CActivity.B");
    assertThat(f.severity()).isEqualTo(new Severity(SeverityLevel.HIGH, null));
    assertThat(f.title()).startsWith("EC2 instance i-0718293a4b5c6d7e8 communicating outbound");
    assertThat(f.description()).endsWith("Command & Control Server 203.0.113.66.");
    assertThat(f.accountId()).isEqualTo("111122223333");
    assertThat(f.region()).isEqualTo("eu-west-1");
    assertThat(f.product()).isEqualTo("GuardDuty");
    assertThat(f.origin()).isEqualTo(Origin.SECURITYHUB);
    assertThat(f.resource())
        .isEqualTo(
            "AwsEc2Instance arn:aws:ec2:eu-west-1:111122223333:instance/i-0718293a4b5c6d7e8");
    assertThat(f.archived()).isFalse();
    assertThat(f.sample()).isFalse();
    assertThat(f.warnings()).isEmpty();
    // The same address in the Action object and in ProductFields is listed once.
    assertThat(f.remoteIps())
        .containsExactly(
            new RemoteIp(
                Cidr.parse("203.0.113.66"),
                IpSource.NETWORK_CONNECTION,
                "OUTBOUND",
                "Romania",
                "64502",
                "Example Networks SRL"));
  }

  @Test
  void parse_shouldReadEveryFinding_whenEventHasSeveral() {
    ObjectNode second =
        with(
            finding(),
            "Id",
            "arn:aws:guardduty:eu-west-1:111122223333:detector/8a41c0e5d9f2b7a3c6e1f4d8b2a9c5e7/finding/22222222222222222222222222222222");
    ObjectNode third =
        with(
            finding(),
            "Id",
            "arn:aws:guardduty:eu-west-1:111122223333:detector/8a41c0e5d9f2b7a3c6e1f4d8b2a9c5e7/finding/33333333333333333333333333333333");

    List<FindingResult> results = parser.parse(securityHubEvent(finding(), second, third));

    assertThat(results)
        .extracting(FindingResult::id)
        .containsExactly(
            FINDING_ID, "22222222222222222222222222222222", "33333333333333333333333333333333");
    assertThat(results).allMatch(FindingResult::isValid);
  }

  @Test
  void parse_shouldReadTheActionObject_whenNoProductFields() {
    ObjectNode f = without(finding(), "ProductFields");
    with(
        f,
        "Action",
        json(
            """
            {"ActionType": "PORT_PROBE", "PortProbeAction": {"Blocked": false, "PortProbeDetails": [
              {"LocalPortDetails": {"Port": 22}, "RemoteIpDetails": {"IpAddressV4": "198.51.100.40",
                "Organization": {"Asn": 64503, "Org": "Example Cloud"}, "Country": {"CountryName": "Chile"}}},
              {"LocalPortDetails": {"Port": 22}, "RemoteIpDetails": {"IpAddressV4": "198.51.100.41"}}]},
             "AwsApiCallAction": {"Api": "ListBuckets", "RemoteIpDetails": {"IpAddressV4": "192.0.2.15"}}}
            """));

    assertThat(parseOne(f).remoteIps())
        .extracting(
            ip -> ip.address().display(),
            RemoteIp::source,
            RemoteIp::country,
            RemoteIp::asn,
            RemoteIp::organization)
        .containsExactly(
            tuple("198.51.100.40", IpSource.PORT_PROBE, "Chile", "64503", "Example Cloud"),
            tuple("198.51.100.41", IpSource.PORT_PROBE, null, null, null),
            tuple("192.0.2.15", IpSource.AWS_API_CALL, null, null, null));
  }

  @Test
  void parse_shouldReadProductFieldsWithSiblings_whenNoActionObject() {
    Finding f = parseOne(without(finding(), "Action"));

    assertThat(f.remoteIps())
        .containsExactly(
            new RemoteIp(
                Cidr.parse("203.0.113.66"),
                IpSource.NETWORK_CONNECTION,
                "OUTBOUND",
                "Romania",
                "64502",
                "Example Networks SRL"));
  }

  @Test
  void parse_shouldReadEveryKeyForm_whenProductFieldsNameRemoteAddresses() {
    Finding f =
        parseOne(
            productFields(
                """
                {"aws/guardduty/service/action/portProbeAction/portProbeDetails.0_/remoteIpDetails/ipAddressV4": "198.51.100.40",
                 "aws/guardduty/service/action/portProbeAction/portProbeDetails.0_/remoteIpDetails/country/countryName": "Chile",
                 "aws/guardduty/service/action/portProbeAction/portProbeDetails.1_/remoteIpDetails/ipAddressV4": "198.51.100.41",
                 "aws/guardduty/service/action/portProbeAction/portProbeDetails.1_/localIpDetails/ipAddressV4": "172.31.7.15",
                 "aws/guardduty/service/action/awsApiCallAction/remoteIpDetails/ipAddressV4": "192.0.2.15",
                 "aws/guardduty/service/action/kubernetesApiCallAction/remoteIpDetails/ipAddressV4": "203.0.113.99",
                 "aws/guardduty/service/action/kubernetesApiCallAction/sourceIPs.0_": "198.51.100.250",
                 "aws/guardduty/service/action/rdsLoginAttemptAction/remoteIpDetails/ipAddressV6": "2001:db8::77",
                 "action.networkConnectionAction.remoteIpDetails.ipAddressV4": "203.0.113.5",
                 "action.networkConnectionAction.remoteIpDetails.organization.asn": "64504",
                 "action.networkConnectionAction.connectionDirection": "INBOUND",
                 "Aws/GuardDuty/Service/Action/PortProbeAction/PortProbeDetails/2/RemoteIpDetails/IpAddressV4": "198.51.100.42",
                 "Aws/GuardDuty/Service/Action/PortProbeAction/PortProbeDetails/2/RemoteIpDetails/Organization/AsnOrg": "Example Org",
                 "vendor/remoteIpDetails/ipAddressV4": "192.0.2.200",
                 "aws/guardduty/service/action/networkConnectionAction/localIpDetails/ipAddressV4": "172.31.12.61",
                 "aws/guardduty/service/action/networkConnectionAction/remoteIpDetails/ipAddressV4Extra": "192.0.2.201",
                 "ipAddressV4": "192.0.2.202"}
                """));

    assertThat(f.remoteIps())
        .extracting(
            ip -> ip.address().display(),
            RemoteIp::source,
            RemoteIp::direction,
            RemoteIp::country,
            RemoteIp::asn,
            RemoteIp::organization)
        .containsExactly(
            tuple("198.51.100.40", IpSource.PORT_PROBE, null, "Chile", null, null),
            tuple("198.51.100.41", IpSource.PORT_PROBE, null, null, null, null),
            tuple("192.0.2.15", IpSource.AWS_API_CALL, null, null, null, null),
            tuple("203.0.113.99", IpSource.KUBERNETES_API_CALL, null, null, null, null),
            tuple("2001:db8::77", IpSource.RDS_LOGIN_ATTEMPT, null, null, null, null),
            tuple("203.0.113.5", IpSource.NETWORK_CONNECTION, "INBOUND", null, "64504", null),
            tuple("198.51.100.42", IpSource.PORT_PROBE, null, null, null, "Example Org"),
            tuple("192.0.2.200", IpSource.OTHER, null, null, null, null));
    assertThat(f.warnings()).isEmpty();
  }

  @Test
  void parse_shouldWarnAndSkip_whenProductFieldsAddressIsNoIp() {
    Finding f =
        parseOne(
            productFields(
                """
                {"aws/guardduty/service/action/networkConnectionAction/remoteIpDetails/ipAddressV4": "bogus",
                 "aws/guardduty/service/action/portProbeAction/portProbeDetails.0_/remoteIpDetails/ipAddressV4": 42}
                """));

    assertThat(f.remoteIps()).isEmpty();
    assertThat(f.warnings())
        .containsExactly(
            "skipped remote address 'bogus' in ProductFields"
                + " 'aws/guardduty/service/action/networkConnectionAction/remoteIp...':"
                + " not an IP address",
            "skipped remote address in ProductFields"
                + " 'aws/guardduty/service/action/portProbeAction/portProbeDetails...':"
                + " value is a number, expected text");
  }

  @Test
  void parse_shouldTakeTheLabelNeverNormalized_whenTheyDisagree() {
    ObjectNode f =
        with(
            finding(),
            "Severity",
            json("{\"Normalized\": 60, \"Label\": \"HIGH\", \"Product\": 8}"));
    assertThat(parseOne(f).severity()).isEqualTo(Severity.ofLabel("HIGH"));

    ObjectNode low = with(finding(), "Severity", json("{\"Normalized\": 90, \"Label\": \"LOW\"}"));
    assertThat(parseOne(low).severity().level()).isEqualTo(SeverityLevel.LOW);
  }

  @Test
  void parse_shouldReportTheFinding_whenLabelMissingOrBad() {
    assertThat(errorOf(with(finding(), "Severity", json("{\"Normalized\": 80, \"Product\": 8}"))))
        .isEqualTo("finding " + FINDING_ID + ": Severity.Label missing");
    assertThat(errorOf(without(finding(), "Severity")))
        .isEqualTo("finding " + FINDING_ID + ": Severity.Label missing");
    assertThat(errorOf(with(finding(), "Severity", "HIGH")))
        .isEqualTo("finding " + FINDING_ID + ": Severity is text, expected an object");
    assertThat(errorOf(with(finding(), "Severity", json("{\"Label\": 8}"))))
        .endsWith(": Severity.Label is a number, expected text");
    assertThat(errorOf(with(finding(), "Severity", json("{\"Label\": \"SEVERE\"}"))))
        .isEqualTo(
            "finding "
                + FINDING_ID
                + ": Severity.Label 'SEVERE' is not one of INFORMATIONAL, LOW, MEDIUM, HIGH,"
                + " CRITICAL, in upper case: EventBridge patterns match the label exactly");
  }

  @Test
  void parse_shouldNameEveryProblem_whenIdTypesAndSeverityMissing() {
    ObjectNode f = without(without(without(finding(), "Id"), "Types"), "Severity");

    FindingResult result = parser.parse(securityHubEvent(finding(), f)).get(1);

    assertThat(result.id()).isNull();
    assertThat(result.type()).isNull();
    assertThat(result.error())
        .isEqualTo("finding #2: Id missing; Types missing; Severity.Label missing");
  }

  @Test
  void parse_shouldReportTheFinding_whenTypesHasAWrongType() {
    assertThat(errorOf(with(finding(), "Types", "TTPs/Backdoor:EC2-C&CActivity.B")))
        .endsWith(": Types is text, expected an array");
    assertThat(errorOf(with(finding(), "Types", json("[]")))).endsWith(": Types missing");
    assertThat(errorOf(with(finding(), "Types", json("[{}]"))))
        .endsWith(": Types[0] is an object, expected text");
  }

  @Test
  void parse_shouldReportTheFinding_whenTheGuardDutyTypeAfterTheLastSlashIsEmpty() {
    ObjectNode f = with(finding(), "Types", json("[\"TTPs/Backdoor/\"]"));
    f.remove("ProductFields");

    assertThat(errorOf(f))
        .endsWith(": Types[0] 'TTPs/Backdoor/' has no GuardDuty type after its last '/'");
  }

  @Test
  void parse_shouldKeepIdAndWholeType_whenProductIsNotGuardDuty() {
    ObjectNode f =
        object(
            """
            {"SchemaVersion": "2018-10-08",
             "Id": "arn:aws:inspector2:us-east-1:111122223333:finding/0a1b2c3d4e5f67890a1b2c3d4e5f6789",
             "ProductArn": "arn:aws:securityhub:us-east-1::product/aws/inspector",
             "ProductName": "Inspector", "AwsAccountId": "111122223333", "Region": "us-east-1",
             "Types": ["Software and Configuration Checks/Vulnerabilities/CVE"],
             "Severity": {"Label": "CRITICAL", "Normalized": 90},
             "Title": "CVE-2024-3094 - xz", "Resources": [{"Type": "AwsEcrContainerImage",
               "Id": "arn:aws:ecr:us-east-1:111122223333:repository/app/sha256:abc"}]}
            """);

    Finding parsed = parseOne(f);

    assertThat(parsed.id())
        .isEqualTo(
            "arn:aws:inspector2:us-east-1:111122223333:finding/0a1b2c3d4e5f67890a1b2c3d4e5f6789");
    assertThat(parsed.arn()).isEqualTo(parsed.id());
    assertThat(parsed.type()).isEqualTo("Software and Configuration Checks/Vulnerabilities/CVE");
    assertThat(parsed.product()).isEqualTo("Inspector");
    assertThat(parsed.severity().level()).isEqualTo(SeverityLevel.CRITICAL);
    assertThat(parsed.remoteIps()).isEmpty();
  }

  @Test
  void parse_shouldDeriveTheProduct_whenProductNameMissing() {
    ObjectNode noName = without(finding(), "ProductName");
    assertThat(parseOne(noName).product()).isEqualTo("GuardDuty");

    ObjectNode fromArn = without(productFields("{}"), "ProductName");
    assertThat(parseOne(fromArn).product()).isEqualTo("GuardDuty");
    assertThat(parseOne(fromArn).type()).isEqualTo("Backdoor:EC2-C&CActivity.B");

    ObjectNode other =
        with(
            with(fromArn, "ProductArn", "arn:aws:securityhub:us-east-1::product/aws/macie"),
            "Id",
            "macie-finding-1");
    assertThat(parseOne(other).product()).isEqualTo("macie");
    assertThat(parseOne(other).type())
        .isEqualTo("TTPs/Command and Control/Backdoor:EC2-C&CActivity.B");
  }

  @Test
  void parse_shouldTakeTheTypeFromProductFields_whenItNamesAGuardDutyType() {
    ObjectNode named = productFields("{\"aws/guardduty/type\": \"Backdoor:EC2/C&CActivity.B\"}");
    assertThat(parseOne(named).type()).isEqualTo("Backdoor:EC2/C&CActivity.B");

    ObjectNode unclear = productFields("{\"aws/guardduty/type\": \"default\"}");
    assertThat(parseOne(unclear).type()).isEqualTo("Backdoor:EC2-C&CActivity.B");
  }

  @ParameterizedTest
  @CsvSource({
    "ACTIVE, NEW, false",
    "ACTIVE, NOTIFIED, false",
    "ARCHIVED, NEW, true",
    "ACTIVE, SUPPRESSED, true",
    "ACTIVE, RESOLVED, true"
  })
  void parse_shouldMarkArchived_whenRecordStateOrWorkflowSaysSo(
      String recordState, String workflow, boolean archived) {
    ObjectNode f = with(finding(), "RecordState", recordState);
    with(f, "Workflow/Status", workflow);

    assertThat(parseOne(f).archived()).isEqualTo(archived);
  }

  @Test
  void parse_shouldNameRecordStateAndWorkflow_whenOfTheWrongType() {
    ObjectNode f = with(finding(), "RecordState", json("1"));
    with(f, "Workflow", "SUPPRESSED");
    Finding parsed = parseOne(f);
    assertThat(parsed.archived()).isFalse();
    assertThat(parsed.warnings())
        .containsExactly(
            "RecordState is a number, expected text: not read",
            "skipped Workflow: is text, expected an object");
  }

  @Test
  void parse_shouldIgnoreTheOldWorkflowState_whenDecidingArchived() {
    assertThat(parseOne(with(finding(), "WorkflowState", "RESOLVED")).archived()).isFalse();
  }

  @Test
  void parse_shouldMarkSample_whenSampleFlagOrProductFieldSaysSo() {
    assertThat(parseOne(finding()).sample()).isFalse();
    assertThat(parseOne(with(finding(), "Sample", json("true"))).sample()).isTrue();
    ObjectNode flagged = finding();
    ((ObjectNode) flagged.get("ProductFields"))
        .put("aws/guardduty/service/additionalInfo/sample", "true");
    assertThat(parseOne(flagged).sample()).isTrue();
  }

  @Test
  void parse_shouldTakeAccountAndRegionFromTheIdArn_whenFieldsMissing() {
    ObjectNode f = without(without(finding(), "AwsAccountId"), "Region");
    without((ObjectNode) f.get("Resources").get(0), "Region");
    with(f, "Id", "arn:aws:guardduty:ap-south-1:444455556666:detector/d/finding/f1");

    Finding parsed = parseOne(f);

    assertThat(parsed.accountId()).isEqualTo("444455556666");
    assertThat(parsed.region()).isEqualTo("ap-south-1");
    assertThat(parsed.id()).isEqualTo("f1");
  }

  @Test
  void parse_shouldTakeAccountAndRegionFromTheEvent_whenFindingHasNeither() {
    ObjectNode f = without(without(finding(), "AwsAccountId"), "Region");
    with(f, "Id", "custom-finding-7");
    with(f, "ProductName", "Custom");

    Finding parsed = parseOne(f);

    assertThat(parsed.accountId()).isEqualTo("111122223333");
    assertThat(parsed.region()).isEqualTo("eu-west-1");
  }

  @Test
  void parse_shouldReportOnlyThatFinding_whenAFindingIsNoObject() {
    List<FindingResult> results =
        parser.parse(securityHubEvent(finding(), json("\"text\""), json("null"), finding()));

    assertThat(results)
        .extracting(FindingResult::isValid, FindingResult::error)
        .containsExactly(
            tuple(true, null),
            tuple(false, "finding #2: is text, expected an object"),
            tuple(false, "finding #3: is null, expected an object"),
            tuple(true, null));
  }

  @Test
  void parse_shouldCapStrings_whenHuge() {
    String huge = "B".repeat(50_000);
    ObjectNode f = with(finding(), "Title", huge);
    with(f, "Types", json("[\"TTPs/" + huge + "\"]"));
    ((ObjectNode) f.get("ProductFields")).put("aws/" + huge + "/remoteIpDetails/ipAddressV4", huge);

    Finding parsed = parseOne(f);

    assertThat(parsed.title()).hasSize(4096);
    assertThat(parsed.type()).hasSizeLessThanOrEqualTo(4096);
    assertThat(parsed.warnings()).singleElement().asString().hasSizeLessThan(300);
  }

  @Test
  void parse_shouldWarnNamingFieldAndType_whenActionOrProductFieldsHasAnotherType() {
    ObjectNode f = with(bare(), "Action", json("[{\"ActionType\": \"NETWORK_CONNECTION\"}]"));
    with(f, "ProductFields", "aws/guardduty/service/action/networkConnectionAction");

    Finding parsed = parseOne(f);

    assertThat(parsed.remoteIps()).isEmpty();
    assertThat(parsed.warnings())
        .containsExactly(
            "skipped Action: is an array, expected an object",
            "skipped ProductFields: is text, expected an object");
  }

  @Test
  void parse_shouldTakeTheRegionOfTheResource_beforeTheIdArn_whenRegionMissing() {
    ObjectNode f = without(finding(), "Region");
    with(f, "Id", "arn:aws:guardduty:ap-south-1:444455556666:detector/d/finding/f1");

    assertThat(parseOne(f).region()).isEqualTo("eu-west-1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:securityhub:::guardduty:x",
        "arn:aws:guardduty:guardduty:444455556666:detector/d/finding/f1",
        "arn:aws:guardduty:US-EAST-1:444455556666:detector/d/finding/f1",
        "arn:aws:guardduty:us-east:444455556666:detector/d/finding/f1",
        "arn:aws:guardduty:us-east-1\u202e:444455556666:detector/d/finding/f1"
      })
  void parse_shouldPassOverTheArnRegion_whenItDoesNotLookLikeARegion(String id) {
    ObjectNode f = without(without(finding(), "Region"), "Resources");
    with(f, "Id", id);

    assertThat(parseOne(f).region()).as("the event's region").isEqualTo("eu-west-1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"us-east-1", "us-gov-west-1", "cn-northwest-1", "eu-isoe-west-1", "il-central-1"})
  void parse_shouldTakeTheArnRegion_whenItLooksLikeARegion(String region) {
    ObjectNode f = without(without(finding(), "Region"), "Resources");
    with(f, "Id", "arn:aws:guardduty:" + region + ":444455556666:detector/d/finding/f1");

    assertThat(parseOne(f).region()).isEqualTo(region);
  }

  @Test
  void parse_shouldPassOverTheResourceRegion_whenItDoesNotLookLikeARegion() {
    ObjectNode f = without(finding(), "Region");
    with((ObjectNode) f.get("Resources").get(0), "Region", "guardduty");
    with(f, "Id", "arn:aws:guardduty:ap-south-1:444455556666:detector/d/finding/f1");

    assertThat(parseOne(f).region()).isEqualTo("ap-south-1");
  }

  @Test
  void parse_shouldPassOverTheArnAccount_whenItIsNoAccountNumber() {
    ObjectNode f = without(finding(), "AwsAccountId");
    with(f, "Id", "arn:aws:guardduty:us-east-1:guardduty:detector/d/finding/f1");

    assertThat(parseOne(f).accountId()).as("the event's account").isEqualTo("111122223333");
  }

  @Test
  void parse_shouldLeaveTheAsnOut_whenProductFieldsSayMinusOne() {
    ObjectNode f = without(finding(), "Action");
    ((ObjectNode) f.get("ProductFields"))
        .put(
            "aws/guardduty/service/action/networkConnectionAction/remoteIpDetails/organization/asn",
            "-1");

    assertThat(parseOne(f).remoteIps()).extracting(RemoteIp::asn).containsOnlyNulls();
  }

  @Test
  void parse_shouldNameNoAccount_whenAccountIsBlankEverywhere() {
    ObjectNode f = with(finding(), "AwsAccountId", " ");
    with(f, "Id", "custom-finding-7");
    ObjectNode event = securityHubEvent(f);
    event.put("account", "");

    assertThat(parser.parse(event).get(0).finding().accountId()).isNull();
  }

  @Test
  void parse_shouldTakeTheEventsAccount_whenTheFindingsIsBlank() {
    ObjectNode f = with(finding(), "AwsAccountId", "");

    assertThat(parseOne(f).accountId()).isEqualTo("111122223333");
  }
}
