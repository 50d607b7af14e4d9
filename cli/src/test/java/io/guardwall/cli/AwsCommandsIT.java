package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.aws.MotoServer;
import io.guardwall.aws.NetworkFirewallStub;
import io.guardwall.aws.SdkEndpoints;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator commands against DynamoDB on moto and the Network Firewall stub. */
@ExtendWith(MotoServer.class)
class AwsCommandsIT {

  private NetworkFirewallStub stub;
  private SdkEndpoints endpoints;

  @BeforeEach
  void start() {
    stub = NetworkFirewallStub.start(1000);
    endpoints = SdkEndpoints.use(MotoServer.endpoint(), stub.endpoint());
  }

  @AfterEach
  void stop() {
    endpoints.close();
    stub.close();
  }

  private CliRunner run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--store", "dynamodb:ops", "--firewall", NetworkFirewallStub.RULE_GROUP_ARN));
    return CliRunner.run(all.toArray(String[]::new));
  }

  @Test
  void commands_shouldManageBlocksInDynamoDbAndTheRuleGroup() {
    assertThat(run("init").exitCode()).isZero();
    assertThat(run("init").exitCode()).as("init is idempotent").isZero();

    CliRunner block = run("block", "203.0.113.7", "--pin");
    assertThat(block.exitCode()).as(block.err()).isZero();
    assertThat(block.err())
        .contains(NetworkFirewallStub.RULE_GROUP_ARN + " (network-firewall): updated, 1 CIDRs");
    assertThat(stub.addresses()).containsExactly("203.0.113.7/32");
    assertThat(run("block", "203.0.113.6", "--for", "PT1H").exitCode()).isZero();
    assertThat(stub.addresses()).containsExactly("203.0.113.6/31");

    CliRunner list = run("list", "--format", "json");
    assertThat(list.json()).hasSize(2);
    CliRunner status = run("status", "--format", "json");
    assertThat(status.exitCode()).as(status.out()).isZero();
    assertThat(status.json().at("/targets/0/inSync").asBoolean()).isTrue();

    assertThat(run("unblock", "203.0.113.7").exitCode()).isZero();
    assertThat(stub.addresses()).containsExactly("203.0.113.6/32");
    assertThat(run("reconcile").exitCode()).isZero();
  }

  @Test
  void process_shouldKeepNotificationsOutOfTheBlocklistTable_whenTwoTablesNamed() {
    String store = "dynamodb:two-blocks,two-notes";
    assertThat(CliRunner.run("init", "--store", store).exitCode()).isZero();
    CliRunner p =
        CliRunner.run(
            "process", "--store", store, "../samples/events/02-guardduty-c2-outbound.json");
    assertThat(p.exitCode()).as(p.err()).isZero();
    assertThat(keys("two-blocks")).isNotEmpty().allMatch(k -> k.startsWith("cidr#"));
    assertThat(keys("two-notes")).isNotEmpty().noneMatch(k -> k.startsWith("cidr#"));
  }

  private static List<String> keys(String table) {
    return MotoServer.dynamoDb().scan(b -> b.tableName(table)).items().stream()
        .map(item -> item.get(io.guardwall.aws.DynamoDbSchema.PARTITION_KEY).s())
        .toList();
  }

  @Test
  void status_shouldReportDrift_whenSomeoneEditedTheRuleGroup() throws Exception {
    run("init");
    run("block", "198.51.100.9", "--pin");
    // Someone emptied guardwall's rules by hand.
    stub.replaceRuleGroup(
        (com.fasterxml.jackson.databind.node.ObjectNode)
            io.guardwall.core.json.Jackson.reader()
                .readTree(
                    "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":[]}}}"));
    CliRunner status = run("status", "--format", "json");
    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.json().at("/targets/0/missing/0").asText()).isEqualTo("198.51.100.9/32");
    assertThat(run("reconcile").exitCode()).isZero();
    assertThat(stub.addresses()).containsExactly("198.51.100.9/32");
  }

  @Test
  void process_shouldExitOne_whenTableMissing(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Files.writeString(
        dir.resolve("e.json"), ReplayCommandTest.event("m-1", 5, "198.51.100.3"));
    CliRunner r = run("process", "--notify", "print", "--format", "json", dir.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    // The run reads the allow-list from the table before any event, so it stops there, naming it.
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("guardwall: DynamoDB table ")
        .contains("read the allow-list failed", "Requested resource not found");
  }
}
