package io.guardwall.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Firewall} shares: describe, update, and the update token that turns a
 * write based on an old read into a conflict. An adapter's test extends this class and returns a
 * fresh group that was never written from {@link #newFirewall(int)} for each test.
 */
public abstract class FirewallContract {

  protected static final int CAPACITY = 1_000;

  protected Firewall firewall;

  /** A new rule group of {@code capacity}, never written. */
  protected abstract Firewall newFirewall(int capacity);

  @BeforeEach
  public void openFirewall() {
    firewall = newFirewall(CAPACITY);
  }

  @Test
  public void describe_shouldHaveNoGroupButCapacityAndToken_whenNeverWritten() {
    FirewallSnapshot snapshot = firewall.describe();

    assertThat(snapshot.ruleGroup()).isNull();
    assertThat(snapshot.capacity()).isEqualTo(CAPACITY);
    assertThat(snapshot.updateToken()).isNotBlank();
  }

  @Test
  public void update_shouldBeDescribedExactlyWithANewToken() {
    FirewallSnapshot before = firewall.describe();

    firewall.update(before, group("192.0.2.1/32"));

    FirewallSnapshot after = firewall.describe();
    assertThat(after.ruleGroup()).isEqualTo(group("192.0.2.1/32"));
    assertThat(after.capacity()).isEqualTo(CAPACITY);
    assertThat(after.updateToken()).isNotEqualTo(before.updateToken());
  }

  @Test
  public void update_shouldKeepTheGroupAsWritten_whenTheCallerChangesItsNodeAfterwards() {
    ObjectNode written = group("192.0.2.1/32");
    firewall.update(firewall.describe(), written);

    written.put("changed", true);
    ((ObjectNode) firewall.describe().ruleGroup()).put("changed too", true);

    assertThat(firewall.describe().ruleGroup()).isEqualTo(group("192.0.2.1/32"));
  }

  @Test
  public void update_shouldThrowConflictAndKeepTheNewerGroup_whenTheTokenIsStale() {
    FirewallSnapshot stale = firewall.describe();
    firewall.update(stale, group("192.0.2.1/32"));

    assertThatThrownBy(() -> firewall.update(stale, group("192.0.2.2/32")))
        .isInstanceOf(FirewallConflictException.class);
    assertThat(firewall.describe().ruleGroup()).isEqualTo(group("192.0.2.1/32"));
  }

  @Test
  public void update_shouldLetOneWriterWin_whenSeveralWriteOnTheSameRead() throws Exception {
    FirewallSnapshot read = firewall.describe();

    List<String> winners =
        Race.run(
            4,
            t -> {
              try {
                firewall.update(read, group("192.0.2." + (t + 1) + "/32"));
                return List.of("192.0.2." + (t + 1) + "/32");
              } catch (FirewallConflictException e) {
                return List.of();
              }
            });

    assertThat(winners).hasSize(1);
    assertThat(firewall.describe().ruleGroup()).isEqualTo(group(winners.get(0)));
  }

  /** A stand-in rule group: adapters store any {@code RuleGroup} object as it is. */
  protected static ObjectNode group(String source) {
    ObjectNode group = Jackson.objectNode();
    group
        .putObject("RulesSource")
        .putObject("StatelessRulesAndCustomActions")
        .putArray("StatelessRules")
        .addObject()
        .put("Priority", 10)
        .putObject("RuleDefinition")
        .putObject("MatchAttributes")
        .putArray("Sources")
        .addObject()
        .put("AddressDefinition", source);
    return group;
  }
}
