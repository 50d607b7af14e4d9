package io.guardwall.core.policy;

import static io.guardwall.core.policy.ThreatSide.BY_ROLE;
import static io.guardwall.core.policy.ThreatSide.CALLER;
import static io.guardwall.core.policy.ThreatSide.REMOTE;
import static io.guardwall.core.policy.ThreatSide.WORKLOAD;

import io.guardwall.core.model.Finding;
import io.guardwall.core.model.RemoteIp;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which side of a finding is the threat, by finding type: a table built from GuardDuty's
 * finding-type documentation, first matching row wins, unknown types decided by {@code
 * resourceRole} and direction. The README shows it as "Which side is blocked". Stateless and
 * thread-safe.
 */
final class ThreatSides {

  /**
   * One row of the table.
   *
   * @param pattern a case-insensitive glob over the type, {@code *} matching anything; the type's
   *     resource part ends with {@code /} here also in the ASFF forms {@code EC2-} and {@code EC2.}
   * @param why what the type says about the remote address or the workload, for decisions
   * @param regex the compiled pattern
   */
  record Row(String pattern, ThreatSide side, String why, Pattern regex) {

    boolean matches(String normalizedType) {
      return regex.matcher(normalizedType).matches();
    }
  }

  static final List<Row> TABLE =
      List.of(
          // Threat intelligence about the remote: blocked even when the workload connected out.
          row("*/MaliciousIPCaller*", REMOTE, "the remote is on a threat list"),
          row("*/TorIPCaller*", REMOTE, "the caller is a Tor exit node"),
          row("*/TorClient*", REMOTE, "the remote is a Tor entry node"),
          row("*/TorRelay*", REMOTE, "the remote is a Tor node"),
          row("*/C&CActivity*", REMOTE, "the remote is a known command-and-control server"),
          row("*/BlackholeTraffic*", REMOTE, "the remote is a known black-hole address"),
          row("*/DropPoint*", REMOTE, "the remote is a known drop point for stolen data"),
          row("CryptoCurrency:*", REMOTE, "the remote is a known cryptocurrency host"),
          row("Trojan:*", REMOTE, "the remote is a known malware host"),
          row("Impact:*/*DomainRequest*", REMOTE, "the remote serves a known-bad domain"),
          row("PenTest:*", REMOTE, "the caller runs a penetration-testing system"),
          row(
              "*/InstanceCredentialExfiltration.OutsideAWS*",
              REMOTE,
              "the caller uses the instance's credentials from outside AWS"),
          row("*/SuccessfulAnonymousAccess*", REMOTE, "an anonymous caller reached the cluster"),
          // Attackers of the workload.
          row("Recon:*/PortProbe*", REMOTE, "the remote probes the workload's ports"),
          row(
              "*:RDS/AnomalousBehavior.FailedLoginAttempts*",
              REMOTE,
              "the remote tries many database logins"),
          row(
              "*:RDS/AnomalousBehavior.SuccessfulBruteForce*",
              REMOTE,
              "the remote brute-forced a database login"),
          // The workload acts against arbitrary hosts.
          row("Recon:*/Portscan*", WORKLOAD, "it scans other hosts' ports"),
          row("Impact:*/PortSweep*", WORKLOAD, "it probes one port on many hosts"),
          row("*/DenialOfService*", WORKLOAD, "it takes part in a denial-of-service attack"),
          row("Backdoor:*/Spambot*", WORKLOAD, "it sends spam"),
          row("Behavior:*/NetworkPortUnusual*", WORKLOAD, "it talks on a port it never used"),
          row("Behavior:*/TrafficVolumeUnusual*", WORKLOAD, "it sends unusually much traffic"),
          row("DefenseEvasion:*/UnusualDNSResolver*", WORKLOAD, "it uses an unusual DNS resolver"),
          row(
              "DefenseEvasion:*/UnusualDo*Activity*",
              WORKLOAD,
              "it uses an unusual DoH/DoT server"),
          // Brute force goes either way: resourceRole and direction decide.
          row("*/SSHBruteForce*", BY_ROLE, "SSH brute force"),
          row("*/RDPBruteForce*", BY_ROLE, "RDP brute force"),
          row("*/WinRMBruteForce*", BY_ROLE, "WinRM brute force"),
          // A principal's behaviour: the caller is not known to be hostile.
          row(
              "*/InstanceCredentialExfiltration.InsideAWS*",
              CALLER,
              "the caller is another AWS account's host using the instance's credentials"),
          row("*/AnomalousBehavior*", CALLER, "unusual activity of a principal"),
          row("*/ConsoleLoginSuccess*", CALLER, "an unusual console sign-in"),
          row("*:IAMUser/*", CALLER, "a principal's API activity"),
          row("*:S3/*", CALLER, "a principal's S3 API activity"),
          row("*:Kubernetes/*", CALLER, "a principal's Kubernetes API activity"));

  /** Types no row names: resourceRole and direction decide. */
  static final Row DEFAULT = row("*", BY_ROLE, "no row for this type");

  private ThreatSides() {}

  /** The first row matching {@code type}, else {@link #DEFAULT}. */
  static Row rowFor(String type) {
    Row known = ROWS.get(type);
    if (known != null) {
      return known;
    }
    String normalized = normalize(type);
    Row row = TABLE.stream().filter(r -> r.matches(normalized)).findFirst().orElse(DEFAULT);
    if (ROWS.size() < MAX_REMEMBERED) {
      ROWS.put(type, row);
    }
    return row;
  }

  // Matching the table's patterns cost more than the rest of the decision; there are a few hundred
  // finding types, and the bound keeps unexpected ones from filling the memory.
  private static final int MAX_REMEMBERED = 4_096;
  private static final Map<String, Row> ROWS = new ConcurrentHashMap<>();

  /**
   * A sentence for the finding's alert when the workload, not the remote, is the actor (a port scan
   * by the instance, outbound brute force, ...); empty otherwise.
   */
  static Optional<String> actorNote(Finding finding) {
    List<String> directions =
        finding.remoteIps().isEmpty()
            ? Collections.singletonList(null)
            : finding.remoteIps().stream().map(RemoteIp::direction).toList();
    return directions.stream()
        .map(direction -> SideJudgement.of(finding, direction))
        .filter(SideJudgement::workloadActs)
        .findFirst()
        .map(SideJudgement::alertNote);
  }

  /**
   * The type with its resource part ended by {@code /}: ASFF writes {@code Backdoor:EC2-C&C...} or
   * {@code Backdoor:EC2.C&C...} for GuardDuty's {@code Backdoor:EC2/C&C...}.
   */
  static String normalize(String type) {
    int colon = type.indexOf(':');
    for (int i = colon + 1; colon >= 0 && i < type.length(); i++) {
      char c = type.charAt(i);
      if (c == '/' || c == '-' || c == '.') {
        return type.substring(0, i) + "/" + type.substring(i + 1);
      }
    }
    return type;
  }

  private static Row row(String pattern, ThreatSide side, String why) {
    return new Row(pattern, side, why, glob(pattern));
  }

  private static Pattern glob(String pattern) {
    String[] parts = pattern.split("\\*", -1);
    StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
    for (int i = 1; i < parts.length; i++) {
      regex.append(".*").append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }
}
