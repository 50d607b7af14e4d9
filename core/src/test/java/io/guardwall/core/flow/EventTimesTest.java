package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.testing.Resources;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void of_shouldReadEachFindingsTime_whenEventHoldsTwoAsffFindings() throws Exception {
    EventTimes times =
        EventTimes.of(json(Resources.sample("events/09-securityhub-two-findings.json")));

    assertThat(times.times()).hasSize(2);
    assertThat(times.unreadable()).isNull();
  }

  @Test
  void of_shouldReadOcsfModifiedTime_whenEventIsFindingsImportedV2() throws Exception {
    EventTimes times =
        EventTimes.of(json(Resources.sample("events/24-securityhub-ocsf-port-probe.json")));

    assertThat(times.instants()).containsExactly(Instant.parse("2025-06-05T07:14:09.774Z"));
  }

  @Test
  void of_shouldSayWhy_whenEventIsNoneGuardwallTakes() throws Exception {
    EventTimes times = EventTimes.of(json("[1, 2]"));

    assertThat(times.instants()).isEmpty();
    assertThat(times.problem()).contains("JSON object");
  }

  @Test
  void of_shouldSayItHoldsNoFinding_whenEventIsOfAnotherSource() throws Exception {
    EventTimes times =
        EventTimes.of(json("{\"source\": \"aws.ec2\", \"detail-type\": \"x\", \"detail\": {}}"));

    assertThat(times.problem()).isEqualTo("no GuardDuty or Security Hub finding in it");
  }
}
