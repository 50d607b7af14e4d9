package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ExpressionsTest {

  @Test
  void assign_shouldSetPresentAndRemoveAbsentManagedAttributes() {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    attributes.put("hits", AttributeValue.fromN("2"));
    attributes.put("cidr", AttributeValue.fromS("x"));
    Expressions x = new Expressions();

    String update = x.assign(attributes, List.of("cidr", "hits", "expiresAt", "regions"));

    assertThat(update).isEqualTo("SET #hits = :hits, #cidr = :cidr REMOVE #expiresAt, #regions");
    assertThat(x.names())
        .containsOnlyKeys("#hits", "#cidr", "#expiresAt", "#regions")
        .containsEntry("#expiresAt", "expiresAt");
    assertThat(x.values()).containsOnlyKeys(":hits", ":cidr");
  }

  @Test
  void assign_shouldOnlySet_whenNothingIsManaged() {
    Expressions x = new Expressions();

    assertThat(x.assign(Map.of("level", AttributeValue.fromN("1")), List.of()))
        .isEqualTo("SET #level = :level");
  }
}
