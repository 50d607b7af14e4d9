package io.guardwall.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.model.Action;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.port.AllowListStore;
import io.guardwall.core.port.AuditTrail;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FlakyTarget;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.slack.SlackMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The maintenance and failure tasks, each given the input its state sends. */
class OtherHandlersTest {

  private final Fixture f = new Fixture();

  @Test
  void reconcile_shouldRenderTheBlocklistAndListWhatItAdded() throws Exception {
    f.store.upsert(Fixture.blockRequest("203.0.113.66", Duration.ofHours(1)));
    ReconcileHandler reconcile = new ReconcileHandler(f.guardwall(), f.metrics);

    JsonNode out =
        reconcile.handle(Fixture.json("{\"trigger\":\"schedule\",\"execution\":\"arn:x\"}"));
    JsonNode again = reconcile.handle(Fixture.json("{}"));

    assertThat(out.at("/targets/0/name").asText()).isEqualTo("dry-run");
    assertThat(out.at("/targets/0/state").asText()).isEqualTo("updated");
    assertThat(out.at("/targets/0/blocked").asInt()).isEqualTo(1);
    assertThat(again.at("/targets/0/state").asText()).isEqualTo("unchanged");
    assertThat(out.path("evicted")).isEmpty();
    assertThat(out.path("evictedCount").asInt()).isZero();
    assertThat(out.path("addedCount").asInt()).isEqualTo(1);
    assertThat(out.at("/added/0/cidr").asText()).isEqualTo("203.0.113.66/32");
    assertThat(out.at("/added/0/findingId").asText()).isEqualTo("f-203.0.113.66");
    assertThat(again.path("added")).as("already in the group").isEmpty();
    assertThat(out.at("/targets/0/room").asInt()).isEqualTo(5_000);
    assertThat(f.firewall.read().blocked().toString()).contains("203.0.113.66/32");
    assertThat(f.metrics.value("CapacityUsedPercent")).isEqualTo(100.0 / 5_000);
    assertThat(f.metrics.value("EntriesEvicted")).isZero();
    assertThat(f.metrics.value("ReconcileConflicts")).isZero();
    assertThat(f.metrics.value(ReconcileHandler.TARGETS_FAILED_METRIC)).isZero();
  }

  @Test
  void reconcile_shouldNameTheFailedTargetAndCountIt_whileTheOtherConverges() throws Exception {
    f.store.upsert(Fixture.blockRequest("203.0.113.66", Duration.ofHours(1)));
    EnforcementPoint broken =
        new FlakyTarget(
            new DryRunTarget("arn:aws:wafv2:gone", CidrBudget.shared(10)),
            new FirewallException("WAFNonexistentItemException", null));
    Guardwall gw =
        new Guardwall(
            GuardwallConfig.defaults(),
            new Guardwall.Ports(f.store, f.notifications, List.of(broken, f.firewall), f.notifier),
            f.clock,
            RetryPolicy.immediate(2));

    JsonNode out = new ReconcileHandler(gw, f.metrics).handle(Fixture.json("{}"));

    assertThat(out.at("/targets/0/state").asText()).isEqualTo("failed");
    assertThat(out.at("/targets/0/error").asText())
        .contains("arn:aws:wafv2:gone", "WAFNonexistentItemException");
    assertThat(out.at("/targets/1/state").asText()).isEqualTo("updated");
    assertThat(out.path("addedCount").asInt()).isEqualTo(1);
    assertThat(f.firewall.read().blocked().toString()).contains("203.0.113.66/32");
    assertThat(f.metrics.value(ReconcileHandler.TARGETS_FAILED_METRIC)).isEqualTo(1);
  }

  @Test
  void maintenanceDigest_shouldPostWhatWasAddedAndWhatExpired_thenCountTheRun() throws Exception {
    MaintenanceDigestHandler handler = new MaintenanceDigestHandler(f.guardwall(), f.metrics);

    JsonNode out =
        handler.handle(
            Fixture.json(
                "{\"expired\":[\"198.51.100.7/32\"],\"expiredCount\":1,\"evicted\":[],"
                    + "\"evictedCount\":0,\"added\":[{\"cidr\":\"203.0.113.66/32\","
                    + "\"severity\":\"HIGH\"}],\"addedCount\":1}"));

    assertThat(out.path("messages").asInt()).isEqualTo(2);
    assertThat(f.notifier.messages())
        .extracting(SlackMessage::kind)
        .containsExactly(SlackMessage.Kind.BLOCKED, SlackMessage.Kind.MAINTENANCE);
    assertThat(f.metrics.value(MaintenanceDigestHandler.SUCCEEDED_METRIC)).isEqualTo(1);
  }

  @Test
  void maintenanceDigest_shouldPostNothingButCountTheRun_whenNothingHappened() throws Exception {
    MaintenanceDigestHandler handler = new MaintenanceDigestHandler(f.guardwall(), f.metrics);

    handler.handle(Fixture.json("{\"expired\":[],\"evicted\":[],\"added\":[]}"));

    assertThat(f.notifier.messages()).isEmpty();
    assertThat(f.metrics.value(MaintenanceDigestHandler.SUCCEEDED_METRIC)).isEqualTo(1);
  }

  @Test
  void maintenanceDigest_shouldPostTheActionsTaken_whenTheRunItselfDidNothing() throws Exception {
    AuditTrail audit = AuditTrail.inMemory();
    audit.record(
        new AuditRecord(
            Fixture.NOW.minusSeconds(60),
            Actor.slackUser("U0123ABCD", "renée"),
            Action.UNBLOCK,
            Cidr.parse("203.0.113.7/32"),
            "from Slack",
            AuditRecord.Status.DONE,
            "removed from the blocklist"));
    Guardwall gw =
        new Guardwall(
            GuardwallConfig.defaults(),
            new Guardwall.Ports(
                f.store,
                f.notifications,
                List.of(f.firewall),
                f.notifier,
                AllowListStore.inMemory(),
                audit),
            f.clock,
            RetryPolicy.immediate(1));
    MaintenanceDigestHandler handler = new MaintenanceDigestHandler(gw, f.metrics);

    JsonNode first = handler.handle(Fixture.json("{\"expired\":[],\"evicted\":[],\"added\":[]}"));
    JsonNode second = handler.handle(Fixture.json("{}"));

    assertThat(first.path("messages").asInt()).isEqualTo(1);
    assertThat(second.path("messages").asInt()).isZero();
    assertThat(f.notifier.messages())
        .singleElement()
        .satisfies(m -> assertThat(m.payload().toString()).contains("unblock `203.0.113.7/32`"));
  }

  @Test
  void maintenanceDigest_shouldFailTheTask_whenSlackRefuses() throws Exception {
    MaintenanceDigestHandler handler =
        new MaintenanceDigestHandler(
            f.guardwall(
                m -> {
                  throw new NotifyException("HTTP 404 no_service", null);
                }),
            f.metrics);

    assertThatThrownBy(() -> handler.handle(Fixture.json("{\"expired\":[\"198.51.100.7/32\"]}")))
        .isInstanceOf(NotifyException.class)
        .hasMessageContaining("no_service");
    assertThat(f.metrics.puts)
        .noneMatch(p -> p.name().equals(MaintenanceDigestHandler.SUCCEEDED_METRIC));
  }

  @Test
  void maintenanceDigest_shouldNameTheBadField_whenTheInputIsMalformed() throws Exception {
    MaintenanceDigestHandler handler = new MaintenanceDigestHandler(f.guardwall(), f.metrics);

    assertThatThrownBy(() -> handler.handle(Fixture.json("{\"expired\":[\"10.0.0.0/99\"]}")))
        .hasMessageContaining("expired[0]");
    assertThatThrownBy(() -> handler.handle(Fixture.json("{\"added\":\"x\"}")))
        .hasMessageContaining("added must be an array");
    assertThatThrownBy(
            () -> handler.handle(Fixture.json("{\"added\":[{\"cidr\":\"203.0.113.1/32\"}]}")))
        .hasMessageContaining("severity missing");
    assertThatThrownBy(() -> handler.handle(Fixture.json("{\"expiredCount\":\"3\"}")))
        .hasMessageContaining("expiredCount must be a count");
  }

  @Test
  void maintain_shouldDeleteOnlyExpiredEntries() throws Exception {
    f.store.upsert(Fixture.blockRequest("198.51.100.1", Duration.ofHours(-1)));
    f.store.upsert(Fixture.blockRequest("198.51.100.2", Duration.ofHours(1)));
    MaintainHandler handler = new MaintainHandler(f.guardwall(), f.metrics);
    JsonNode out = handler.handle(Fixture.json("{\"trigger\":\"schedule\"}"));
    assertThat(out.path("deleted").asInt()).isEqualTo(1);
    assertThat(out.path("cidrs").get(0).asText()).isEqualTo("198.51.100.1/32");
    assertThat(f.store.get(Cidr.ofAddress("198.51.100.2"))).isPresent();
    assertThat(f.metrics.value("EntriesExpired")).isEqualTo(1);
    assertThat(handler.handle(Fixture.json("{}")).path("cidrs")).isEmpty();
  }

  @Test
  void alertFailure_shouldPostTheErrorEscaped() throws Exception {
    AlertFailureHandler handler = new AlertFailureHandler(f.notifier, f.metrics);
    handler.handle(
        Fixture.json(
            "{\"stateMachine\":\"Block\",\"execution\":\"arn:aws:states:x\","
                + "\"error\":{\"Error\":\"StoreException\",\"Cause\":\"<!channel> & `rm`\"}}"));
    SlackMessage message = f.notifier.messages().get(0);
    assertThat(message.kind()).isEqualTo(SlackMessage.Kind.FAILURE);
    String text = message.payload().toString();
    assertThat(text).contains("Block failed", "StoreException", "arn:aws:states:x");
    assertThat(text).contains("&lt;!channel&gt; &amp; ｀rm｀").doesNotContain("<!channel>", "`rm`");
  }

  @Test
  void alertFailure_shouldStillAlert_whenFieldsAreMissingOrHuge() throws Exception {
    AlertFailureHandler handler = new AlertFailureHandler(f.notifier, f.metrics);
    handler.handle(Fixture.json("{\"error\":{\"Cause\":\"" + "x".repeat(50_000) + "\"}}"));
    String text = f.notifier.messages().get(0).payload().toString();
    assertThat(text).contains("unknown failed").hasSizeLessThan(4_000);
  }
}
