package io.guardwall.core.policy;

import static io.guardwall.core.testing.Findings.finding;
import static io.guardwall.core.testing.Findings.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.ResourceRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreatSidesTest {

  @ParameterizedTest
  @CsvSource({
    "Backdoor:EC2/C&CActivity.B, Backdoor:EC2/C&CActivity.B",
    "Backdoor:EC2-C&CActivity.B, Backdoor:EC2/C&CActivity.B",
    "Backdoor:EC2.C&CActivity.B, Backdoor:EC2/C&CActivity.B",
    "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS,"
        + " UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
    "Software and Configuration Checks, Software and Configuration Checks"
  })
  void normalize_shouldEndTheResourcePartWithASlash_whateverTheForm(String type, String expected) {
    assertThat(ThreatSides.normalize(type)).isEqualTo(expected);
  }

  @Test
  void rowFor_shouldReachEveryRow_whenNoEarlierRowShadowsIt() {
    for (ThreatSides.Row row : ThreatSides.TABLE) {
      String example = row.pattern().replace("*", "Zz");
      assertThat(ThreatSides.rowFor(example)).as(row.pattern()).isEqualTo(row);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "CredentialAccess:RDS/AnomalousBehavior.SuccessfulBruteForce, REMOTE",
    "CredentialAccess:RDS/AnomalousBehavior.SuccessfulLogin, CALLER",
    "Discovery:Kubernetes/MaliciousIPCaller, REMOTE",
    "Discovery:Kubernetes/SuccessfulAnonymousAccess, REMOTE",
    "Persistence:Kubernetes/ContainerWithSensitiveMount, CALLER",
    "recon:ec2/portscan, WORKLOAD",
    "Impact:Runtime/CryptoMinerExecuted, BY_ROLE",
    "Software and Configuration Checks/Vulnerabilities/CVE, BY_ROLE"
  })
  void rowFor_shouldTakeTheFirstMatchingRow(String type, ThreatSide side) {
    assertThat(ThreatSides.rowFor(type).side()).isEqualTo(side);
  }

  @Test
  void actorNote_shouldBeEmpty_whenTheRemoteIsTheAttacker() {
    assertThat(ThreatSides.actorNote(finding().build())).isEmpty();
    assertThat(
            ThreatSides.actorNote(
                finding()
                    .type("Backdoor:EC2/C&CActivity.B")
                    .role(ResourceRole.ACTOR)
                    .ips(ip("203.0.113.66", "OUTBOUND"))
                    .build()))
        .isEmpty();
  }

  @Test
  void actorNote_shouldSayTheWorkloadIsTheActor_whenOutboundBruteForce() {
    assertThat(
            ThreatSides.actorNote(
                finding()
                    .type("UnauthorizedAccess:EC2/SSHBruteForce")
                    .role(ResourceRole.ACTOR)
                    .ips()
                    .build()))
        .get()
        .asString()
        .startsWith("The workload is the actor (resourceRole ACTOR");
  }

  @Test
  void actorNote_shouldNameTheResource_whenTheWorkloadActsWithoutRemoteIps() {
    assertThat(ThreatSides.actorNote(finding().type("Backdoor:EC2/Spambot").ips().build()))
        .get()
        .asString()
        .isEqualTo(
            "The workload is the actor (it sends spam): its remote addresses may be victims, not"
                + " attackers. Consider isolating Instance i-0abc.");
  }
}
