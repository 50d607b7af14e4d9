package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.aws.MotoServer;
import io.guardwall.aws.NetworkFirewallStub;
import io.guardwall.aws.SdkEndpoints;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.IPAddressVersion;
import software.amazon.awssdk.services.wafv2.model.Scope;

/**
 * {@code reconcile}, {@code status} and {@code block} over a rule group on the stub, and WAF IP
 * sets and managed prefix lists on moto.
 */
@ExtendWith(MotoServer.class)
class SeveralTargetsIT {

  private static final String MISSING_SET =
      "arn:aws:wafv2:us-east-1:123456789012:regional/ipset/gone/"
          + "00000000-0000-0000-0000-000000000000";

  private NetworkFirewallStub stub;
  private SdkEndpoints endpoints;
  private Wafv2Client waf;

  @BeforeEach
  void start() {
    stub = NetworkFirewallStub.start(1000);
    endpoints = SdkEndpoints.use(MotoServer.endpoint(), stub.endpoint());
    waf = MotoServer.client(Wafv2Client.builder());
    assertThat(run("init").exitCode()).isZero();
    assertThat(run("block", "203.0.113.7", "--pin").exitCode()).isZero();
  }

  @AfterEach
  void stop() {
    waf.close();
    endpoints.close();
    stub.close();
  }

  @Test
  void reconcile_shouldConvergeEveryTarget_whenGivenARuleGroupAndAWafIpSet() {
    String set = createSet("multi-v4");

    CliRunner reconcile = run("reconcile", "--firewall", RULE_GROUP, "--firewall", set);
    CliRunner status =
        run("status", "--format", "json", "--firewall", RULE_GROUP, "--firewall", set);

    assertThat(reconcile.exitCode()).as(reconcile.err()).isZero();
    assertThat(reconcile.out()).contains(RULE_GROUP + " (network-firewall): updated");
    assertThat(reconcile.out()).contains(set + " (waf-ip-set): updated");
    assertThat(stub.addresses()).containsExactly("203.0.113.7/32");
    assertThat(addresses(set)).containsExactly("203.0.113.7/32");
    assertThat(status.exitCode()).as(status.out()).isZero();
    JsonNode targets = status.json().get("targets");
    assertThat(targets).hasSize(2);
    targets.forEach(t -> assertThat(t.get("state").asText()).isEqualTo("in sync"));
    assertThat(targets.get(1).get("kind").asText()).isEqualTo("waf-ip-set");
    assertThat(targets.get(1).get("room").get("ipv4").asLong()).isEqualTo(10_000);
  }

  @Test
  void reconcile_shouldConvergeEveryKindOfTarget_whenGivenOneOfEach() {
    String set = createSet("every-kind");
    String lists = createList("IPv4") + "," + createList("IPv6");

    CliRunner reconcile =
        run("reconcile", "--firewall", RULE_GROUP, "--firewall", set, "--firewall", lists);
    CliRunner status =
        run(
            "status",
            "--format",
            "json",
            "--firewall",
            RULE_GROUP,
            "--firewall",
            set,
            "--firewall",
            lists);

    assertThat(reconcile.exitCode()).as(reconcile.out() + reconcile.err()).isZero();
    assertThat(stub.addresses()).containsExactly("203.0.113.7/32");
    assertThat(addresses(set)).containsExactly("203.0.113.7/32");
    assertThat(entries(lists.split(",")[0])).containsExactly("203.0.113.7/32");
    assertThat(entries(lists.split(",")[1])).isEmpty();
    assertThat(status.exitCode()).as(status.out()).isZero();
    JsonNode targets = status.json().get("targets");
    assertThat(targets).hasSize(3);
    targets.forEach(t -> assertThat(t.get("state").asText()).isEqualTo("in sync"));
    assertThat(targets.get(2).get("kind").asText()).isEqualTo("prefix-list");
  }

  @Test
  void status_shouldSayOutOfSyncPerTarget_whenOnlyOneTargetWasReconciled() {
    String set = createSet("multi-drift");
    run("reconcile", "--firewall", set, "--firewall", "dry-run");

    CliRunner status =
        run("status", "--format", "json", "--firewall", RULE_GROUP, "--firewall", set);

    assertThat(status.exitCode()).isEqualTo(1);
    JsonNode targets = status.json().get("targets");
    assertThat(targets.get(0).get("state").asText()).isEqualTo("out of sync");
    assertThat(targets.get(0).get("missing").get(0).asText()).isEqualTo("203.0.113.7/32");
    assertThat(targets.get(1).get("state").asText()).isEqualTo("in sync");
  }

  @Test
  void reconcile_shouldNameTheFailedTargetAndConvergeTheOther_whenAWafSetIsMissing() {
    CliRunner r =
        run("reconcile", "--format", "json", "--firewall", MISSING_SET, "--firewall", RULE_GROUP);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("guardwall: error: waf-ip-set " + MISSING_SET);
    JsonNode targets = r.json().get("targets");
    assertThat(targets.get(0).get("state").asText()).isEqualTo("failed");
    assertThat(targets.get(0).get("error").asText()).contains(MISSING_SET);
    assertThat(targets.get(1).get("state").asText()).isEqualTo("updated");
    assertThat(stub.addresses()).containsExactly("203.0.113.7/32");
  }

  @Test
  void reconcile_shouldExitTwoNamingTheSpec_whenATargetIsUnknown() {
    CliRunner r = run("reconcile", "--firewall", RULE_GROUP, "--firewall", "sg-0123");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown target 'sg-0123'");
    assertThat(stub.updates()).isZero();
  }

  @Test
  void block_shouldWriteEveryTarget_whenGivenSeveral() {
    String set = createSet("multi-block");

    CliRunner r = run("block", "203.0.113.9", "--pin", "--firewall", RULE_GROUP, "--firewall", set);

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("blocked 203.0.113.9/32 (pinned)");
    assertThat(r.err()).contains(RULE_GROUP + " (network-firewall): updated", set);
    assertThat(stub.addresses()).containsExactly("203.0.113.7/32", "203.0.113.9/32");
    assertThat(addresses(set)).containsExactlyInAnyOrder("203.0.113.7/32", "203.0.113.9/32");
  }

  @Test
  void block_shouldNameTheTargetItFailedAndExitOne_whenAWafSetIsMissing() {
    CliRunner r =
        run(
            "block",
            "203.0.113.9",
            "--format",
            "json",
            "--firewall",
            RULE_GROUP,
            "--firewall",
            MISSING_SET);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.json().get("inFirewall").asBoolean()).isFalse();
    assertThat(r.json().at("/failedTargets/0").asText()).isEqualTo(MISSING_SET);
    assertThat(r.err()).contains(MISSING_SET + " (waf-ip-set): failed");
    assertThat(stub.addresses()).contains("203.0.113.9/32");
  }

  @Test
  void reconcile_shouldExitTwo_whenATargetIsGivenTwice() {
    CliRunner r = run("reconcile", "--firewall", RULE_GROUP, "--firewall", RULE_GROUP);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(RULE_GROUP + " is given twice");
    assertThat(stub.updates()).isZero();
  }

  private static final String RULE_GROUP = NetworkFirewallStub.RULE_GROUP_ARN;

  private static CliRunner run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--store", "dynamodb:multi"));
    return CliRunner.run(all.toArray(String[]::new));
  }

  private String createSet(String name) {
    return waf.createIPSet(
            r ->
                r.name(name)
                    .scope(Scope.REGIONAL)
                    .ipAddressVersion(IPAddressVersion.IPV4)
                    .addresses(List.of()))
        .summary()
        .arn();
  }

  private String createList(String family) {
    try (Ec2Client ec2 = MotoServer.client(Ec2Client.builder())) {
      return ec2.createManagedPrefixList(
              r -> r.prefixListName("every-kind-" + family).addressFamily(family).maxEntries(10))
          .prefixList()
          .prefixListId();
    }
  }

  private static List<String> entries(String id) {
    try (Ec2Client ec2 = MotoServer.client(Ec2Client.builder())) {
      return ec2.getManagedPrefixListEntries(r -> r.prefixListId(id)).entries().stream()
          .map(PrefixListEntry::cidr)
          .toList();
    }
  }

  private List<String> addresses(String arn) {
    String[] parts = arn.split("/");
    return waf.getIPSet(r -> r.scope(Scope.REGIONAL).name(parts[2]).id(parts[3]))
        .ipSet()
        .addresses();
  }
}
