package io.guardwall.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.RemoteIp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parses every file under samples/events (read from the repository root) as the CLI would. */
class SamplesTest {

  private static final Path SAMPLES = Path.of("..", "samples", "events");

  /** The Lambda console test event names no account anywhere. */
  private static final String NO_ACCOUNT =
      "upstream/amazon-guardduty-waf-acl__gd2acl_test_event.json";

  private static final String C2_ID = "a2ef406e2c2351e0b9e80029c909242d";

  /**
   * Per file, one line per finding: type, severity band, flags, then each remote address with its
   * source (and direction when known).
   */
  private static final Map<String, List<String>> EXPECTED =
      Map.ofEntries(
          Map.entry(
              "01-guardduty-ssh-bruteforce.json",
              List.of(
                  "UnauthorizedAccess:EC2/SSHBruteForce LOW |"
                      + " 198.51.100.23 NETWORK_CONNECTION INBOUND")),
          Map.entry(
              "02-guardduty-c2-outbound.json",
              List.of(
                  "Backdoor:EC2/C&CActivity.B HIGH | 203.0.113.66 NETWORK_CONNECTION OUTBOUND")),
          Map.entry(
              "03-guardduty-port-probe.json",
              List.of(
                  "Recon:EC2/PortProbeUnprotectedPort LOW | 198.51.100.40 PORT_PROBE,"
                      + " 198.51.100.41 PORT_PROBE, 203.0.113.12 PORT_PROBE")),
          Map.entry(
              "04-guardduty-tor-api-call.json",
              List.of("UnauthorizedAccess:IAMUser/TorIPCaller MEDIUM | 192.0.2.15 AWS_API_CALL")),
          Map.entry(
              "05-guardduty-eks-api-call.json",
              List.of(
                  "Discovery:Kubernetes/MaliciousIPCaller MEDIUM |"
                      + " 203.0.113.99 KUBERNETES_API_CALL")),
          Map.entry(
              "06-guardduty-rds-login.json",
              List.of(
                  "CredentialAccess:RDS/MaliciousIPCaller.SuccessfulLogin HIGH |"
                      + " 192.0.2.77 RDS_LOGIN_ATTEMPT")),
          Map.entry(
              "07-guardduty-ipv6-rdp-bruteforce.json",
              List.of(
                  "UnauthorizedAccess:EC2/RDPBruteForce LOW |"
                      + " 2001:db8:4006:812::200e NETWORK_CONNECTION INBOUND")),
          Map.entry(
              "08-guardduty-ipv4-mapped-ipv6.json",
              List.of(
                  "UnauthorizedAccess:EC2/MaliciousIPCaller.Custom MEDIUM |"
                      + " 192.0.2.130 NETWORK_CONNECTION INBOUND")),
          Map.entry(
              "09-securityhub-two-findings.json",
              List.of(
                  "UnauthorizedAccess:EC2-SSHBruteForce LOW |"
                      + " 198.51.100.150 NETWORK_CONNECTION INBOUND",
                  "CryptoCurrency:EC2-BitcoinTool.B HIGH |"
                      + " 203.0.113.180 NETWORK_CONNECTION OUTBOUND")),
          Map.entry(
              "10-securityhub-same-finding-as-02.json",
              List.of(
                  "Backdoor:EC2-C&CActivity.B HIGH | 203.0.113.66 NETWORK_CONNECTION OUTBOUND")),
          Map.entry(
              "11-guardduty-c2-outbound-resighted.json",
              List.of(
                  "Backdoor:EC2/C&CActivity.B HIGH | 203.0.113.66 NETWORK_CONNECTION OUTBOUND")),
          Map.entry(
              "12-skip-private-remote-ip.json",
              List.of(
                  "UnauthorizedAccess:EC2/SSHBruteForce LOW |"
                      + " 10.20.30.40 NETWORK_CONNECTION INBOUND")),
          Map.entry(
              "13-skip-archived.json",
              List.of(
                  "Recon:EC2/PortProbeUnprotectedPort LOW archived | 203.0.113.201 PORT_PROBE")),
          Map.entry(
              "14-skip-policy-root-credential-usage.json",
              List.of("Policy:IAMUser/RootCredentialUsage LOW | 198.51.100.77 AWS_API_CALL")),
          Map.entry(
              "15-skip-low-api-call.json",
              List.of("Stealth:IAMUser/CloudTrailLoggingDisabled LOW | 192.0.2.44 AWS_API_CALL")),
          Map.entry(
              "16-guardduty-sample-finding.json",
              List.of(
                  "UnauthorizedAccess:EC2/TorClient HIGH sample |"
                      + " 198.51.100.0 NETWORK_CONNECTION OUTBOUND")),
          Map.entry(
              "17-guardduty-dns-exfiltration-no-ip.json",
              List.of("Trojan:EC2/DNSDataExfiltration HIGH | ")),
          Map.entry(
              "18-two-events-array.json",
              List.of(
                  "UnauthorizedAccess:EC2/MaliciousIPCaller.Custom MEDIUM |"
                      + " 192.0.2.61 NETWORK_CONNECTION INBOUND",
                  "Impact:EC2/WinRMBruteForce LOW | 198.51.100.99 NETWORK_CONNECTION INBOUND")),
          Map.entry(
              "19-events-one-per-line.ndjson",
              List.of(
                  "UnauthorizedAccess:IAMUser/MaliciousIPCaller MEDIUM | 192.0.2.88 AWS_API_CALL",
                  "Recon:EC2/PortProbeEMRUnprotectedPort HIGH | 203.0.113.140 PORT_PROBE")),
          Map.entry(
              "20-cli-get-findings-finding.json",
              List.of(
                  "Recon:EC2/PortProbeUnprotectedPort LOW |"
                      + " 203.0.113.31 PORT_PROBE, 2001:db8:ffff::31 PORT_PROBE")),
          Map.entry(
              "21-guardduty-portscan-outbound.json",
              List.of("Recon:EC2/Portscan MEDIUM | 198.51.100.201 NETWORK_CONNECTION OUTBOUND")),
          Map.entry(
              "22-guardduty-iam-anomalous-behavior.json",
              List.of("Discovery:IAMUser/AnomalousBehavior MEDIUM | 192.0.2.201 AWS_API_CALL")),
          Map.entry(
              "23-securityhub-ocsf-same-finding-as-02.json",
              List.of(
                  "Backdoor:EC2/C&CActivity.B HIGH | 203.0.113.66 NETWORK_CONNECTION OUTBOUND")),
          Map.entry(
              "24-securityhub-ocsf-port-probe.json",
              List.of(
                  "Recon:EC2/PortProbeUnprotectedPort LOW | 198.51.100.60 PORT_PROBE,"
                      + " 198.51.100.61 PORT_PROBE")),
          Map.entry(
              "25-securityhub-ocsf-tor-api-call.json",
              List.of("UnauthorizedAccess:IAMUser/TorIPCaller MEDIUM | 192.0.2.150 AWS_API_CALL")),
          Map.entry(
              "26-securityhub-ocsf-skip-resolved.json",
              List.of(
                  "Recon:EC2/PortProbeUnprotectedPort LOW archived | 203.0.113.222 PORT_PROBE")),
          Map.entry(
              "27-securityhub-ocsf-other-product.json",
              List.of(
                  "Execution/Reverse Shell CRITICAL | 203.0.113.77 NETWORK_CONNECTION OUTBOUND")),
          Map.entry(
              "upstream/aws-networkfirewall-guardduty__securityhub-testevent.json",
              List.of(
                  "Backdoor:EC2.C&CActivity.B HIGH sample |"
                      + " 198.51.100.0 NETWORK_CONNECTION OUTBOUND")),
          Map.entry(
              "upstream/aws-networkfirewall-guardduty__securityhub-testevent@f8e9232.json",
              List.of(
                  "CryptoCurrency:EC2-BitcoinTool.B HIGH sample |"
                      + " 198.51.100.0 NETWORK_CONNECTION OUTBOUND")),
          Map.entry(
              "upstream/amazon-guardduty-waf-acl__gd2acl_test_event.json",
              List.of(
                  "UnauthorizedAccess:EC2/SSHBruteForce LOW sample |"
                      + " 198.51.100.0 NETWORK_CONNECTION INBOUND")));

  private final FindingParser parser = FindingParser.create();

  static Stream<String> sampleFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> SAMPLES.relativize(p).toString().replace('\\', '/'))
          .filter(name -> name.matches(".*\\.(json|ndjson|jsonl)$"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void samples_shouldAllHaveAnExpectation_whenListed() throws IOException {
    assertThat(sampleFiles()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
  }

  @ParameterizedTest
  @MethodSource("sampleFiles")
  void parse_shouldYieldTheExpectedFindings_forEachSampleFile(String name) {
    List<Finding> findings = findingsIn(name);

    assertThat(findings)
        .extracting(SamplesTest::summary)
        .containsExactlyElementsOf(EXPECTED.get(name));
    assertThat(findings)
        .allSatisfy(
            f -> {
              assertThat(f.warnings()).isEmpty();
              assertThat(f.accountId())
                  .isEqualTo(
                      name.equals(NO_ACCOUNT)
                          ? null
                          : name.startsWith("upstream/") ? "123456789012" : "111122223333");
              assertThat(f.region()).isIn("us-east-1", "eu-west-1");
              assertThat(f.title()).isNotBlank();
              assertThat(f.resource()).isNotBlank();
            });
  }

  @Test
  void parse_shouldGiveOneFindingTheSameId_onEveryRouteAndWhenUpdated() {
    assertThat(findingsIn("02-guardduty-c2-outbound.json").get(0).id()).isEqualTo(C2_ID);
    assertThat(findingsIn("10-securityhub-same-finding-as-02.json").get(0).id()).isEqualTo(C2_ID);
    assertThat(findingsIn("11-guardduty-c2-outbound-resighted.json").get(0).id()).isEqualTo(C2_ID);
    assertThat(findingsIn("23-securityhub-ocsf-same-finding-as-02.json").get(0).id())
        .isEqualTo(C2_ID);
  }

  @Test
  void parse_shouldNeverTakeTheProxies_whenKubernetesSourceIpsListThem() {
    String file = read("05-guardduty-eks-api-call.json");
    assertThat(file).contains("\"198.51.100.250\"");

    assertThat(findingsIn("05-guardduty-eks-api-call.json").get(0).remoteIps())
        .extracting(ip -> ip.address().display())
        .doesNotContain("198.51.100.250");
  }

  /** As the CLI reads files: one event, a JSON array of events, or one event per line. */
  private List<Finding> findingsIn(String name) {
    List<Finding> findings = new ArrayList<>();
    for (JsonNode raw : documents(name)) {
      for (FindingResult result : parser.parse(parser.normalize(raw))) {
        assertThat(result.error()).as(name).isNull();
        findings.add(result.finding());
      }
    }
    return findings;
  }

  private static List<JsonNode> documents(String name) {
    String text = read(name);
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return text.lines().filter(l -> !l.isBlank()).map(TestJson::json).toList();
    }
    JsonNode node = TestJson.json(text);
    return node.isArray() ? List.copyOf(toList(node)) : List.of(node);
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  private static String read(String name) {
    try {
      return Files.readString(SAMPLES.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String summary(Finding f) {
    String flags = (f.archived() ? " archived" : "") + (f.sample() ? " sample" : "");
    String ips =
        f.remoteIps().stream().map(SamplesTest::describe).collect(Collectors.joining(", "));
    return f.type() + " " + f.severity().level() + flags + " | " + ips;
  }

  private static String describe(RemoteIp ip) {
    String direction = ip.direction() == null ? "" : " " + ip.direction();
    return ip.address().display() + " " + ip.source() + direction;
  }
}
