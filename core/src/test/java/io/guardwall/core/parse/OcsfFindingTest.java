package io.guardwall.core.parse;

import static io.guardwall.core.parse.TestJson.json;
import static io.guardwall.core.parse.TestJson.ocsfEvent;
import static io.guardwall.core.parse.TestJson.resource;
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
import io.guardwall.core.model.SeverityLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OcsfFindingTest {

  private static final String FINDING_ID = "a2ef406e2c2351e0b9e80029c909242d";
  private static final String ARN =
      "arn:aws:guardduty:us-east-1:111122223333:detector/3ec6f1d2a7b84c0e9f5d2b1a6c8e4f70/finding/"
          + FINDING_ID;

  private final FindingParser parser = FindingParser.create();

  private static ObjectNode finding() {
    return resource("ocsf-finding.json");
  }

  private static ObjectNode withType(String type) {
    return with(finding(), "finding_info/types", json("[\"" + type + "\"]"));
  }

  private static ObjectNode withEvidence(ObjectNode f, String evidenceJson) {
    return with(f, "evidences", json("[" + evidenceJson + "]"));
  }

  private Finding parseOne(ObjectNode finding) {
    List<FindingResult> results = parser.parse(ocsfEvent(finding));
    assertThat(results).hasSize(1);
    assertThat(results.get(0).error()).isNull();
    return results.get(0).finding();
  }

  private String errorOf(ObjectNode finding) {
    FindingResult result = parser.parse(ocsfEvent(finding)).get(0);
    assertThat(result.isValid()).isFalse();
    return result.error();
  }

  private static String remotes(Finding f) {
    return String.join(
        ", ",
        f.remoteIps().stream()
            .map(
                ip ->
                    ip.address().display()
                        + " "
                        + ip.source()
                        + (ip.direction() == null ? "" : " " + ip.direction()))
            .toList());
  }

  private static String own(Finding f) {
    return String.join(", ", f.resourceFacts().addresses().stream().map(Cidr::display).toList());
  }

  @Test
  void parse_shouldReadEveryField_whenGuardDutyOcsfFinding() {
    Finding f = parseOne(finding());

    assertThat(f.id()).isEqualTo(FINDING_ID);
    assertThat(f.arn()).isEqualTo(ARN);
    assertThat(f.type()).isEqualTo("Backdoor:EC2/C&CActivity.B");
    assertThat(f.severity().level()).isEqualTo(SeverityLevel.HIGH);
    assertThat(f.severity().score()).isNull();
    assertThat(f.title()).startsWith("Command and Control server IP address contacted");
    assertThat(f.description()).endsWith("Command & Control server 203.0.113.66.");
    assertThat(f.accountId()).isEqualTo("111122223333");
    assertThat(f.region()).isEqualTo("us-east-1");
    assertThat(f.product()).isEqualTo("GuardDuty");
    assertThat(f.origin()).isEqualTo(Origin.SECURITYHUB);
    assertThat(f.resource())
        .isEqualTo(
            "AWS::EC2::Instance arn:aws:ec2:us-east-1:111122223333:instance/i-0b2c3d4e5f6071829");
    assertThat(f.archived()).isFalse();
    assertThat(f.warnings()).isEmpty();
    assertThat(f.remoteIps())
        .containsExactly(
            new RemoteIp(
                Cidr.parse("203.0.113.66"),
                IpSource.NETWORK_CONNECTION,
                "OUTBOUND",
                "RO",
                "64502",
                "Example Networks SRL"));
    assertThat(own(f)).isEqualTo("172.31.40.17");
  }

  @Test
  void parse_shouldGiveTheSameId_whenTheFindingArrivesNativelyAsAsffAndAsOcsf() {
    String viaOcsf = parseOne(finding()).id();
    String viaAsff =
        parser.parse(TestJson.securityHubEvent(resource("asff-finding.json"))).get(0).id();
    String viaGuardDuty =
        parser
            .parse(
                TestJson.guardDutyEvent(with(resource("guardduty-finding.json"), "id", FINDING_ID)))
            .get(0)
            .id();

    assertThat(viaOcsf).isEqualTo(FINDING_ID).isEqualTo(viaGuardDuty);
    assertThat(viaAsff).doesNotContain("/finding/");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // type | evidence | remote addresses | own addresses
        "UnauthorizedAccess:EC2/SSHBruteForce | {\"connection_info\": {\"direction\": \"Inbound\"},"
            + " \"src_endpoint\": {\"ip\": \"198.51.100.23\"}, \"dst_endpoint\": {\"ip\":"
            + " \"172.31.1.5\", \"port\": 22}} | 198.51.100.23 NETWORK_CONNECTION INBOUND |"
            + " 172.31.1.5",
        "Backdoor:EC2/C&CActivity.B | {\"connection_info\": {\"direction\": \"OUTBOUND\"},"
            + " \"src_endpoint\": {\"ip\": \"172.31.1.5\"}, \"dst_endpoint\": {\"ip\":"
            + " \"203.0.113.66\"}} | 203.0.113.66 NETWORK_CONNECTION OUTBOUND | 172.31.1.5",
        "Recon:EC2/PortProbeUnprotectedPort | {\"src_endpoint\": {\"ip\": \"198.51.100.40\"},"
            + " \"dst_endpoint\": {\"ip\": \"172.31.1.5\", \"port\": 3389}} | 198.51.100.40"
            + " PORT_PROBE | 172.31.1.5",
        "Recon:EC2/PortProbeEMRUnprotectedPort | {\"connection_info\": {\"direction\":"
            + " \"Inbound\"}, \"src_endpoint\": {\"ip\": \"198.51.100.41\"}, \"dst_endpoint\":"
            + " {\"ip\": \"172.31.1.5\"}} | 198.51.100.41 PORT_PROBE | 172.31.1.5",
        "UnauthorizedAccess:IAMUser/TorIPCaller | {\"api\": {\"operation\": \"ListBuckets\"},"
            + " \"src_endpoint\": {\"ip\": \"192.0.2.15\"}, \"dst_endpoint\": {\"ip\":"
            + " \"52.95.0.1\"}} | 192.0.2.15 AWS_API_CALL |",
        "Discovery:Kubernetes/MaliciousIPCaller | {\"api\": {\"operation\": \"list\"},"
            + " \"src_endpoint\": {\"ip\": \"203.0.113.99\"}} | 203.0.113.99 KUBERNETES_API_CALL |",
        "CredentialAccess:RDS/MaliciousIPCaller.SuccessfulLogin | {\"src_endpoint\": {\"ip\":"
            + " \"192.0.2.77\"}, \"dst_endpoint\": {\"ip\": \"10.0.3.9\", \"port\": 5432}} |"
            + " 192.0.2.77 RDS_LOGIN_ATTEMPT | 10.0.3.9",
        "Trojan:EC2/DNSDataExfiltration | {\"query\": {\"hostname\": \"x.example.com\"},"
            + " \"src_endpoint\": {\"ip\": \"172.31.1.5\"}, \"dst_endpoint\": {\"ip\":"
            + " \"172.31.0.2\"}} | |"
      })
  void parse_shouldTakeTheRemoteEndpoint_forEachGuardDutyAction(
      String type, String evidence, String remote, String ownAddresses) {
    Finding f = parseOne(withEvidence(withType(type), evidence));

    assertThat(remotes(f)).isEqualTo(remote == null ? "" : remote);
    assertThat(own(f)).isEqualTo(ownAddresses == null ? "" : ownAddresses);
    assertThat(f.warnings()).isEmpty();
  }

  @Test
  void parse_shouldTakeNeitherEndpointAndWarn_whenNothingSaysWhichIsRemote() {
    Finding none =
        parseOne(
            withEvidence(
                finding(),
                "{\"src_endpoint\": {\"ip\": \"198.51.100.1\"}, \"dst_endpoint\": {\"ip\":"
                    + " \"198.51.100.2\"}}"));
    Finding odd =
        parseOne(
            withEvidence(
                finding(),
                "{\"connection_info\": {\"direction\": \"Lateral\"}, \"src_endpoint\": {\"ip\":"
                    + " \"198.51.100.1\"}}"));

    assertThat(none.remoteIps()).isEmpty();
    assertThat(none.warnings())
        .containsExactly(
            "skipped the endpoints of evidences[0]: no api, port probe, RDS login or"
                + " connection_info.direction says which is remote");
    assertThat(odd.remoteIps()).isEmpty();
    assertThat(odd.warnings())
        .first()
        .isEqualTo(
            "ignored evidences[0].connection_info.direction 'Lateral': not Inbound or Outbound");
  }

  @Test
  void parse_shouldWarnNamingFieldAndType_whenEvidencesHaveWrongTypes() {
    Finding text = parseOne(with(finding(), "evidences", "many"));
    Finding badParts =
        parseOne(
            with(
                finding(),
                "evidences",
                json(
                    "[\"x\", {\"connection_info\": {\"direction\": \"Inbound\"}, \"src_endpoint\":"
                        + " {\"ip\": 42}}, {\"connection_info\": {\"direction\": \"Inbound\"},"
                        + " \"src_endpoint\": {\"ip\": \"bogus\"}}, {\"connection_info\": 7,"
                        + " \"src_endpoint\": {\"ip\": \"198.51.100.9\"}}]")));

    assertThat(text.warnings()).containsExactly("skipped evidences: is text, expected an array");
    assertThat(badParts.remoteIps()).isEmpty();
    assertThat(badParts.warnings())
        .containsExactly(
            "skipped evidences[0]: is text, expected an object",
            "skipped remote address in evidences[1].src_endpoint: ip is a number, expected text",
            "skipped remote address 'bogus' in evidences[2].src_endpoint: not an IP address",
            "skipped evidences[3].connection_info: is a number, expected an object",
            "skipped the endpoints of evidences[3]: no api, port probe, RDS login or"
                + " connection_info.direction says which is remote");
  }

  @ParameterizedTest
  @CsvSource({"1, INFORMATIONAL", "2, LOW", "3, MEDIUM", "4, HIGH", "5, CRITICAL", "6, CRITICAL"})
  void parse_shouldBandTheSeverityId(int id, SeverityLevel level) {
    assertThat(parseOne(with(finding(), "severity_id", json(Integer.toString(id)))).severity())
        .satisfies(s -> assertThat(s.level()).isEqualTo(level));
  }

  @Test
  void parse_shouldReportTheFinding_whenSeverityIdMissingOrBad() {
    assertThat(errorOf(without(finding(), "severity_id")))
        .isEqualTo("finding " + FINDING_ID + ": severity_id missing");
    assertThat(errorOf(with(finding(), "severity_id", "High")))
        .endsWith(
            ": severity_id is text 'High', expected a number: EventBridge patterns compare"
                + " numbers only");
    assertThat(errorOf(with(finding(), "severity_id", json("{}"))))
        .endsWith(": severity_id is an object, expected a number");
    assertThat(errorOf(with(finding(), "severity_id", json("0"))))
        .endsWith(": severity_id 0 is not one of 1 (informational) to 6 (fatal)");
    assertThat(errorOf(with(finding(), "severity_id", json("99"))))
        .endsWith(": severity_id 99 is not one of 1 (informational) to 6 (fatal)");
  }

  @Test
  void parse_shouldIgnoreTheSeverityCaption_whenItDisagrees() {
    ObjectNode f = with(finding(), "severity", "Critical");

    assertThat(parseOne(f).severity().level()).isEqualTo(SeverityLevel.HIGH);
  }

  @Test
  void parse_shouldNameEveryProblem_whenFindingInfoAndSeverityMissing() {
    ObjectNode f = without(without(finding(), "finding_info"), "severity_id");

    FindingResult result = parser.parse(ocsfEvent(finding(), f)).get(1);

    assertThat(result.id()).isNull();
    assertThat(result.error()).isEqualTo("finding #2: finding_info missing; severity_id missing");
  }

  @Test
  void parse_shouldNameEveryProblem_whenUidAndTypesMissing() {
    ObjectNode f = without(without(finding(), "finding_info/uid"), "finding_info/types");

    assertThat(parser.parse(ocsfEvent(f)).get(0).error())
        .isEqualTo("finding #1: finding_info.uid missing; finding_info.types missing");
  }

  @Test
  void parse_shouldReportTheFinding_whenFindingInfoOrTypesHaveAWrongType() {
    assertThat(errorOf(with(finding(), "finding_info", "x")))
        .isEqualTo("finding #1: finding_info is text, expected an object");
    assertThat(errorOf(with(finding(), "finding_info/uid", json("7"))))
        .endsWith(": finding_info.uid is a number, expected text");
    assertThat(errorOf(with(finding(), "finding_info/uid", " ")))
        .endsWith(": finding_info.uid is blank");
    assertThat(errorOf(with(finding(), "finding_info/types", "Backdoor:EC2/C&CActivity.B")))
        .endsWith(": finding_info.types is text, expected an array");
    assertThat(errorOf(with(finding(), "finding_info/types", json("[]"))))
        .endsWith(": finding_info.types missing");
    assertThat(errorOf(with(finding(), "finding_info/types", json("[{}]"))))
        .endsWith(": finding_info.types[0] is an object, expected text");
  }

  @Test
  void parse_shouldFindTheGuardDutyType_whenTypesHoldOtherEntries() {
    ObjectNode several =
        with(
            finding(),
            "finding_info/types",
            json("[\"TTPs/Command and Control\", \"Backdoor:EC2/C&CActivity.B\"]"));
    ObjectNode pathOnly =
        with(
            finding(),
            "finding_info/types",
            json("[\"TTPs/Command and Control/Backdoor:EC2-C&CActivity.B\"]"));
    ObjectNode empty = with(finding(), "finding_info/types", json("[\"TTPs/Backdoor/\"]"));

    assertThat(parseOne(several).type()).isEqualTo("Backdoor:EC2/C&CActivity.B");
    assertThat(parseOne(pathOnly).type()).isEqualTo("Backdoor:EC2-C&CActivity.B");
    assertThat(errorOf(empty))
        .endsWith(
            ": finding_info.types[0] 'TTPs/Backdoor/' has no GuardDuty type after its last '/'");
  }

  @Test
  void parse_shouldKeepUidAndFirstType_whenProductIsNotGuardDuty() {
    ObjectNode f = with(finding(), "metadata/product/name", "Example EDR");
    with(f, "finding_info/uid", "edr-42");
    with(f, "finding_info/types", json("[\"Execution/Reverse Shell\", \"Backdoor:EC2/X\"]"));

    Finding parsed = parseOne(f);

    assertThat(parsed.id()).isEqualTo("edr-42");
    assertThat(parsed.product()).isEqualTo("Example EDR");
    assertThat(parsed.type()).isEqualTo("Execution/Reverse Shell");
  }

  @ParameterizedTest
  @CsvSource({
    "New, Create, false",
    "In Progress, Update, false",
    "Suppressed, Update, true",
    "RESOLVED, Update, true",
    "resolved, Create, true",
    "New, Close, true",
    "New, close, true"
  })
  void parse_shouldMarkArchived_whenStatusOrActivitySaysClosed(
      String status, String activity, boolean archived) {
    ObjectNode f = with(finding(), "status", status);
    with(f, "activity_name", activity);

    assertThat(parseOne(f).archived()).isEqualTo(archived);
  }

  @Test
  void parse_shouldNameStatusAndActivity_whenOfTheWrongType() {
    ObjectNode f = with(finding(), "status", json("4"));
    with(f, "activity_name", json("{\"name\": \"Close\"}"));

    Finding parsed = parseOne(f);

    assertThat(parsed.archived()).isFalse();
    assertThat(parsed.warnings())
        .containsExactly(
            "status is a number, expected text: not read",
            "activity_name is an object, expected text: not read");
  }

  @Test
  void parse_shouldReportOnlyThatFinding_whenAFindingIsNoObject() {
    List<FindingResult> results =
        parser.parse(ocsfEvent(finding(), json("\"text\""), json("null"), finding()));

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
    ObjectNode f = with(finding(), "finding_info/title", huge);
    with(f, "finding_info/types", json("[\"TTPs/" + huge + "\"]"));
    withEvidence(
        f,
        "{\"connection_info\": {\"direction\": \"Inbound\"}, \"src_endpoint\": {\"ip\": \""
            + huge
            + "\"}}");

    Finding parsed = parseOne(f);

    assertThat(parsed.title()).hasSize(4096);
    assertThat(parsed.type()).hasSizeLessThanOrEqualTo(4096);
    assertThat(parsed.warnings()).singleElement().asString().hasSizeLessThan(300);
  }

  @Test
  void parse_shouldTakeAccountAndRegionFromTheEvent_whenFindingHasNeither() {
    ObjectNode f = without(finding(), "cloud");

    Finding parsed = parseOne(f);

    assertThat(parsed.accountId()).isEqualTo("111122223333");
    assertThat(parsed.region()).isEqualTo("eu-west-1");
  }

  @Test
  void parse_shouldNameNoAccount_whenAccountIsBlankEverywhere() {
    ObjectNode f = with(finding(), "cloud/account/uid", " ");
    ObjectNode event = ocsfEvent(f);
    event.put("account", "");

    assertThat(parser.parse(event).get(0).finding().accountId()).isNull();
  }
}
