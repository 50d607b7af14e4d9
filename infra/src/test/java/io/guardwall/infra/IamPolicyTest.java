package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import io.guardwall.infra.IamStatements.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@Needs(ExternalTool.NODE)
class IamPolicyTest {

  /** Actions without resource-level permissions: the state machines' log delivery and X-Ray. */
  static final Set<String> WILDCARD_ONLY_ACTIONS =
      Set.of(
          "logs:CreateLogDelivery",
          "logs:GetLogDelivery",
          "logs:UpdateLogDelivery",
          "logs:DeleteLogDelivery",
          "logs:ListLogDeliveries",
          "logs:PutResourcePolicy",
          "logs:DescribeResourcePolicies",
          "logs:DescribeLogGroups",
          "xray:PutTraceSegments",
          "xray:PutTelemetryRecords",
          "xray:GetSamplingRules",
          "xray:GetSamplingTargets");

  private static IamStatements statements;

  @BeforeAll
  static void synth() {
    statements = IamStatements.of(Synthesized.defaults());
  }

  @Test
  void statements_shouldOnlyAllow_whenSynthesized() {
    assertThat(statements.all()).isNotEmpty();
    assertThat(statements.all())
        .allSatisfy(s -> assertThat(s.json().path("Effect").asText()).isEqualTo("Allow"));
  }

  @Test
  void wildcardResources_shouldOnlyCarryActionsWithoutResourceLevelPermissions() {
    List<Statement> wildcards =
        statements.all().stream()
            .filter(
                s ->
                    s.resources().stream().anyMatch(r -> r.isTextual() && r.asText().contains("*")))
            .toList();
    assertThat(wildcards).isNotEmpty();
    assertThat(wildcards)
        .allSatisfy(
            s -> {
              assertThat(s.policy()).contains("StateMachineRole");
              assertThat(WILDCARD_ONLY_ACTIONS).containsAll(s.actions());
            });
  }

  @Test
  void tableActions_shouldNameOnlyTheTwoTables() {
    List<Statement> dynamo = withService("dynamodb:");
    assertThat(dynamo).isNotEmpty();
    for (Statement s : dynamo) {
      assertThat(s.actions()).allMatch(a -> a.startsWith("dynamodb:"));
      assertThat(s.resources())
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.toString())
                      .containsAnyOf("GuardwallBlocklist", "GuardwallNotifications"));
    }
  }

  @Test
  void itemActions_shouldBeLimitedToTheKeysTheAdaptersWrite() {
    for (Statement s : withService("dynamodb:")) {
      if (s.actions().equals(List.of("dynamodb:Scan"))
          || s.actions().equals(List.of("dynamodb:Query"))) {
        continue;
      }
      String table = s.resources().get(0).toString();
      boolean digest = s.policy().startsWith("GuardwallMaintenanceDigest");
      String prefixes =
          !table.contains("GuardwallBlocklist")
              ? "[\"finding#*\",\"finding-sha256#*\"]"
              : s.actions().equals(List.of("dynamodb:GetItem"))
                  ? "[\"allowlist*\"]"
                  : s.actions().contains("dynamodb:PutItem")
                      ? "[\"audit-reported*\",\"audit-layout*\"]"
                      : digest ? "[\"audit#*\"]" : "[\"cidr#*\"]";
      assertThat(s.json().at("/Condition/ForAllValues:StringLike/dynamodb:LeadingKeys").toString())
          .as("%s %s", s.policy(), s.actions())
          .isEqualTo(prefixes);
    }
  }

  @Test
  void firewallActions_shouldNameOnlyTheRuleGroupAndBeDescribeAndUpdate() {
    assertScoped("network-firewall:", "GuardwallRuleGroup");
    assertThat(actionsStartingWith("network-firewall:"))
        .containsOnly("network-firewall:DescribeRuleGroup", "network-firewall:UpdateRuleGroup");
  }

  @Test
  void secretActions_shouldNameOnlyTheSecret() {
    assertScoped("secretsmanager:", "GuardwallSlackWebhook");
  }

  @Test
  void invokeActions_shouldNameOnlyLiveAliases() {
    assertScoped("lambda:", "Alias");
  }

  @Test
  void startExecution_shouldNameOnlyStateMachines() {
    assertScoped("states:", "StateMachine");
  }

  @Test
  void queueAccess_shouldBeTheQueueFunctionConsumingTheEventQueueOnly() {
    List<Statement> sqs = withService("sqs:");
    assertThat(sqs).isNotEmpty();
    assertThat(sqs)
        .allSatisfy(
            s -> {
              assertThat(s.policy()).startsWith("GuardwallQueueRole");
              assertThat(s.resources().toString()).contains("GuardwallEventQueue");
              assertThat(s.actions()).noneMatch(a -> a.equals("sqs:SendMessage"));
            });
  }

  @Test
  void eachFunctionRole_shouldReachOnlyWhatItsTaskNeeds() {
    assertRoleServices(
        "GuardwallQueueRole", "dynamodb", "network-firewall", "secretsmanager", "sqs", "logs");
    assertRoleServices("GuardwallReconcileRole", "dynamodb", "network-firewall", "logs");
    assertRoleServices("GuardwallMaintainRole", "dynamodb", "logs");
    assertRoleServices("GuardwallMaintenanceDigestRole", "dynamodb", "secretsmanager", "logs");
    assertRoleServices("GuardwallAlertFailureRole", "secretsmanager", "logs");
  }

  @Test
  void tableActions_shouldBeExactlyTheCallsEachFunctionMakes() {
    assertThat(dynamoActions("GuardwallQueueRole", "GuardwallBlocklist"))
        .containsExactlyInAnyOrder(
            "dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:GetItem");
    assertThat(dynamoActions("GuardwallQueueRole", "GuardwallNotifications"))
        .containsExactly("dynamodb:UpdateItem");
    // The second GetItem is the allow-list item's, read once per batch (issue 8).
    assertThat(dynamoActions("GuardwallReconcileRole", "GuardwallBlocklist"))
        .containsExactlyInAnyOrder("dynamodb:Scan", "dynamodb:GetItem");
    assertThat(dynamoActions("GuardwallMaintainRole", "GuardwallBlocklist"))
        .containsExactlyInAnyOrder("dynamodb:Scan", "dynamodb:DeleteItem", "dynamodb:GetItem");
    // The digest queries the audit index and moves the mark of what it reported (issue 8); the
    // scan and the updates of audit records index records older than the index, once.
    assertThat(dynamoActions("GuardwallMaintenanceDigestRole", "GuardwallBlocklist"))
        .containsExactlyInAnyOrder(
            "dynamodb:Query",
            "dynamodb:Scan",
            "dynamodb:UpdateItem",
            "dynamodb:GetItem",
            "dynamodb:PutItem");
    assertThat(dynamoActions("GuardwallMaintenanceDigestRole", "GuardwallNotifications")).isEmpty();
    assertThat(dynamoActions("GuardwallReconcileRole", "GuardwallNotifications")).isEmpty();
    assertThat(dynamoActions("GuardwallMaintainRole", "GuardwallNotifications")).isEmpty();
  }

  @Test
  void auditQuery_shouldNameOnlyTheAuditIndex_andOnlyForTheDigest() {
    List<Statement> queries =
        withService("dynamodb:").stream()
            .filter(s -> s.actions().contains("dynamodb:Query"))
            .toList();
    assertThat(queries)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.policy()).startsWith("GuardwallMaintenanceDigestRole");
              assertThat(s.actions()).containsExactly("dynamodb:Query");
              assertThat(s.resources().get(0).toString())
                  .contains("GuardwallBlocklist")
                  .endsWith("\"/index/audit\"]]}");
            });
  }

  private static List<String> dynamoActions(String policyPrefix, String table) {
    return statements.ofPolicyPrefix(policyPrefix).stream()
        .filter(s -> s.resources().toString().contains(table))
        .flatMap(s -> s.actions().stream())
        .filter(a -> a.startsWith("dynamodb:"))
        .toList();
  }

  private static List<Statement> withService(String prefix) {
    return statements.all().stream()
        .filter(s -> s.actions().stream().anyMatch(a -> a.startsWith(prefix)))
        .toList();
  }

  private static void assertRoleServices(String policyPrefix, String... services) {
    assertThat(
            statements.ofPolicyPrefix(policyPrefix).stream()
                .flatMap(s -> s.actions().stream())
                .map(a -> a.substring(0, a.indexOf(':')))
                .distinct())
        .containsExactlyInAnyOrder(services);
  }

  private static Stream<String> actionsStartingWith(String prefix) {
    return statements.all().stream()
        .flatMap(s -> s.actions().stream())
        .filter(a -> a.startsWith(prefix))
        .distinct();
  }

  /** Every statement with an action of {@code service} names only resources of {@code id}. */
  private static void assertScoped(String service, String logicalIdPart) {
    List<Statement> matching =
        statements.all().stream()
            .filter(s -> s.actions().stream().anyMatch(a -> a.startsWith(service)))
            .toList();
    assertThat(matching).isNotEmpty();
    for (Statement s : matching) {
      assertThat(s.actions()).allMatch(a -> a.startsWith(service));
      for (JsonNode resource : s.resources()) {
        assertThat(resource.isObject()).as("%s resource %s", s.policy(), resource).isTrue();
        assertThat(resource.toString()).contains(logicalIdPart);
      }
    }
  }
}
