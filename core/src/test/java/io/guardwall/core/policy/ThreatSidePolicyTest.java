package io.guardwall.core.policy;

import static io.guardwall.core.testing.Findings.finding;
import static io.guardwall.core.testing.Findings.ip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.IpSource;
import io.guardwall.core.model.ResourceRole;
import io.guardwall.core.parse.FindingParser;
import io.guardwall.core.parse.FindingResult;
import io.guardwall.core.testing.Findings;
import io.guardwall.core.testing.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which side of a finding is blocked: per type family, by resource role, never the resource. */
class ThreatSidePolicyTest {

  private final Policy policy = new Policy(GuardwallConfig.defaults());
  private final Policy blockVictims = new Policy(config("{\"blockVictims\": true}"));

  private static GuardwallConfig config(String text) {
    return ConfigReader.read(json(text));
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IpDecision only(List<IpDecision> decisions) {
    assertThat(decisions).hasSize(1);
    return decisions.get(0);
  }

  /** The workload connected out and GuardDuty calls it the actor: the hardest case to block. */
  private static Findings outboundActor(String type) {
    return finding()
        .type(type)
        .score(8)
        .role(ResourceRole.ACTOR)
        .ips(ip("203.0.113.66", "OUTBOUND"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UnauthorizedAccess:EC2/MaliciousIPCaller.Custom",
        "UnauthorizedAccess:EC2/TorClient",
        "UnauthorizedAccess:EC2/TorRelay",
        "UnauthorizedAccess:Runtime/TorClient",
        "Backdoor:EC2/C&CActivity.B",
        "Backdoor:Lambda/C&CActivity.B",
        "Backdoor:EC2-C&CActivity.B",
        "Backdoor:EC2.C&CActivity.B",
        "Trojan:EC2/BlackholeTraffic",
        "Trojan:EC2/DropPoint",
        "Trojan:Runtime/DropPoint",
        "CryptoCurrency:EC2/BitcoinTool.B",
        "CryptoCurrency:EC2-BitcoinTool.B",
        "Impact:EC2/MaliciousDomainRequest.Reputation"
      })
  void decide_shouldBlockTheRemote_whenThreatIntelligenceEvenOutbound(String type) {
    IpDecision d = only(policy.decide(outboundActor(type).build(), true));

    assertThat(d.block()).as(d.reason()).isTrue();
    assertThat(d.reason()).startsWith("network connection OUTBOUND at HIGH; the ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Recon:EC2/Portscan",
        "Impact:EC2/PortSweep",
        "Backdoor:EC2/DenialOfService.Tcp",
        "Backdoor:EC2/DenialOfService.Udp",
        "Backdoor:EC2/DenialOfService.Dns",
        "Backdoor:EC2/DenialOfService.UdpOnTcpPorts",
        "Backdoor:EC2/DenialOfService.UnusualProtocol",
        "Backdoor:EC2/Spambot",
        "Behavior:EC2/NetworkPortUnusual",
        "Behavior:EC2/TrafficVolumeUnusual",
        "Behavior:EC2-TrafficVolumeUnusual",
        "DefenseEvasion:EC2/UnusualDoHActivity"
      })
  void decide_shouldSkipTheVictim_whenTheWorkloadActs(String type) {
    // Even resourceRole TARGET and an inbound connection do not make the remote the attacker.
    Finding f = finding().type(type).score(8).ips(ip("203.0.113.66", "INBOUND")).build();

    IpDecision d = only(policy.decide(f, true));

    assertThat(d.block()).isFalse();
    assertThat(d.reason())
        .startsWith("the workload is the actor (it ")
        .contains("this address may be its victim, not the attacker")
        .contains("consider isolating Instance i-0abc")
        .endsWith("(blockVictims is off)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Recon:EC2/Portscan", "Backdoor:EC2/Spambot"})
  void decide_shouldBlockTheVictim_whenBlockVictimsIsOn(String type) {
    IpDecision d = only(blockVictims.decide(outboundActor(type).build(), true));

    assertThat(d.block()).isTrue();
    assertThat(d.reason())
        .startsWith("network connection OUTBOUND at HIGH; the workload is the actor")
        .endsWith("(blocked: blockVictims is on)");
  }

  @ParameterizedTest
  @CsvSource({
    "UnauthorizedAccess:EC2/SSHBruteForce, ACTOR, OUTBOUND, false",
    "UnauthorizedAccess:EC2/RDPBruteForce, ACTOR, OUTBOUND, false",
    "Impact:EC2/WinRMBruteForce, ACTOR, OUTBOUND, false",
    "UnauthorizedAccess:EC2/SSHBruteForce, ACTOR, , false",
    "UnauthorizedAccess:EC2/SSHBruteForce, UNKNOWN, OUTBOUND, false",
    "UnauthorizedAccess:EC2-SSHBruteForce, TARGET, OUT, false",
    "UnauthorizedAccess:EC2/SSHBruteForce, TARGET, INBOUND, true",
    "UnauthorizedAccess:EC2/RDPBruteForce, TARGET, INBOUND, true",
    "Impact:EC2/WinRMBruteForce, TARGET, INBOUND, true",
    "UnauthorizedAccess:EC2/SSHBruteForce, UNKNOWN, INBOUND, true",
    "UnauthorizedAccess:EC2/SSHBruteForce, UNKNOWN, , true"
  })
  void decide_shouldFollowResourceRoleAndDirection_whenBruteForce(
      String type, ResourceRole role, String direction, boolean block) {
    Finding f = finding().type(type).role(role).ips(ip("198.51.100.23", direction)).build();

    IpDecision d = only(policy.decide(f, true));

    assertThat(d.block()).as(d.reason()).isEqualTo(block);
    assertThat(d.reason())
        .contains(block ? "brute force against the workload" : "the workload is the actor");
  }

  @Test
  void decide_shouldBlockEveryProber_whenPortProbe() {
    Finding f =
        finding()
            .type("Recon:EC2/PortProbeUnprotectedPort")
            .score(2)
            .ips(ip("203.0.113.1", IpSource.PORT_PROBE), ip("203.0.113.2", IpSource.PORT_PROBE))
            .build();

    assertThat(policy.decide(f, true))
        .allSatisfy(
            d ->
                assertThat(d.reason())
                    .isEqualTo("port probe at LOW; the remote probes the workload's ports"))
        .allMatch(IpDecision::block);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CredentialAccess:IAMUser/AnomalousBehavior",
        "Discovery:IAMUser/AnomalousBehavior",
        "Exfiltration:IAMUser/AnomalousBehavior",
        "Impact:IAMUser/AnomalousBehavior",
        "InitialAccess:IAMUser/AnomalousBehavior",
        "Persistence:IAMUser/AnomalousBehavior",
        "PrivilegeEscalation:IAMUser/AnomalousBehavior",
        "DefenseEvasion:IAMUser/AnomalousBehavior",
        "UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B",
        "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS",
        "Stealth:IAMUser/CloudTrailLoggingDisabled",
        "Discovery:S3/AnomalousBehavior",
        "Execution:Kubernetes/ExecInKubeSystemPod",
        "CredentialAccess:RDS/AnomalousBehavior.SuccessfulLogin"
      })
  void decide_shouldSkipTheCaller_whenAPrincipalsBehaviour(String type) {
    Finding f = finding().type(type).score(8).ips(ip("192.0.2.5", IpSource.AWS_API_CALL)).build();

    IpDecision d = only(policy.decide(f, true));

    assertThat(d.block()).isFalse();
    assertThat(d.reason())
        .contains("the caller is not known to be hostile")
        .contains("a VPC firewall does not stop AWS API calls")
        .endsWith("(blockVictims is off)");
    assertThat(only(blockVictims.decide(f, true)).block()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UnauthorizedAccess:IAMUser/MaliciousIPCaller",
        "UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom",
        "UnauthorizedAccess:IAMUser/TorIPCaller",
        "Recon:IAMUser/TorIPCaller",
        "Discovery:S3/MaliciousIPCaller",
        "Discovery:Kubernetes/MaliciousIPCaller",
        "CredentialAccess:RDS/MaliciousIPCaller.SuccessfulLogin",
        "CredentialAccess:RDS/AnomalousBehavior.SuccessfulBruteForce",
        "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
        "PenTest:IAMUser/KaliLinux"
      })
  void decide_shouldBlockTheCaller_whenTheTypeNamesItHostile(String type) {
    Finding f = finding().type(type).score(5).ips(ip("192.0.2.5", IpSource.AWS_API_CALL)).build();

    IpDecision d = only(policy.decide(f, true));

    assertThat(d.block()).as(d.reason()).isTrue();
  }

  @Test
  void decide_shouldStillApplyTheApiThreshold_whenTheCallerIsHostile() {
    Finding f =
        finding()
            .type("UnauthorizedAccess:IAMUser/TorIPCaller")
            .score(2)
            .ips(ip("192.0.2.5", IpSource.AWS_API_CALL))
            .build();

    assertThat(only(policy.decide(f, true)).reason()).contains("below the block threshold");
  }

  @ParameterizedTest
  @CsvSource({
    "ACTOR, INBOUND, false",
    "UNKNOWN, OUTBOUND, false",
    "TARGET, OUTBOUND, false",
    "TARGET, INBOUND, true",
    "UNKNOWN, , true"
  })
  void decide_shouldDecideByRoleAndDirection_whenTypeIsUnknown(
      ResourceRole role, String direction, boolean block) {
    Finding f =
        finding()
            .type("Execution:Runtime/SomethingNew")
            .role(role)
            .ips(ip("198.51.100.23", direction))
            .build();

    IpDecision d = only(policy.decide(f, true));

    assertThat(d.block()).as(d.reason()).isEqualTo(block);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UnauthorizedAccess:EC2/SSHBruteForce",
        "Backdoor:EC2/C&CActivity.B",
        "UnauthorizedAccess:EC2/TorClient"
      })
  void decide_shouldNeverBlockTheResourcesOwnAddress_whateverTheType(String type) {
    Finding f =
        finding()
            .type(type)
            .ownAddresses("10.0.0.1", "198.51.100.0")
            .ips(ip("198.51.100.0", "INBOUND"), ip("203.0.113.9", "INBOUND"))
            .build();

    for (Policy p : List.of(policy, blockVictims)) {
      List<IpDecision> decisions = p.decide(f, true);
      assertThat(decisions.get(0).block()).isFalse();
      assertThat(decisions.get(0).reason())
          .isEqualTo("own address of the finding's resource (Instance i-0abc has 198.51.100.0)");
      assertThat(decisions.get(1).block()).isTrue();
    }
  }

  @Test
  void decide_shouldRecogniseTheOwnAddress_whenTheRemoteIsWrittenMapped() {
    Finding f =
        finding().ownAddresses("198.51.100.0").ips(ip("::ffff:198.51.100.0", "INBOUND")).build();

    assertThat(only(policy.decide(f, true)).reason()).startsWith("own address");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "upstream/amazon-guardduty-waf-acl__gd2acl_test_event.json",
        "upstream/aws-networkfirewall-guardduty__securityhub-testevent.json"
      })
  void decide_shouldNotBlockTheInstance_whenGuardDutySampleNamesItsPublicIpAsRemote(String file) {
    FindingParser parser = FindingParser.create();
    FindingResult result =
        parser.parse(parser.normalize(json(Resources.sample("events/" + file)))).get(0);

    IpDecision d = only(policy.decide(result.finding(), true));

    assertThat(d.ip().address().display()).isEqualTo("198.51.100.0");
    assertThat(d.block()).isFalse();
    assertThat(d.reason()).startsWith("own address of the finding's resource");
  }
}
