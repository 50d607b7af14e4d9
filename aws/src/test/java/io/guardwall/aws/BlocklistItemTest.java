package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.Sighting;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BlocklistItemTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00.123456789Z");

  @Test
  void decode_shouldReturnEntryAndVersion_whenItemWasWrittenFromEntry() {
    BlocklistEntry entry =
        BlocklistEntry.create(Sighting.of("2001:db8::/48", T0).findingId("a").build())
            .refresh(
                Sighting.of("2001:db8::/48", T0.plusSeconds(5))
                    .findingId("b")
                    .sightingKey("b@1")
                    .origin(Origin.SECURITYHUB)
                    .severity(SeverityLevel.CRITICAL)
                    .build());

    BlocklistItem.Stored stored = BlocklistItem.decode(BlocklistItem.attributes(entry, 7));

    assertThat(stored.entry()).isEqualTo(entry);
    assertThat(stored.version()).isEqualTo(7);
  }

  @Test
  void decode_shouldReadNoSightingKeys_whenItemPredatesThem() {
    BlocklistEntry entry = BlocklistEntry.create(Sighting.of("192.0.2.1/32", T0).build());
    Map<String, AttributeValue> old = new HashMap<>(BlocklistItem.attributes(entry, 1));
    old.remove(DynamoDbSchema.SIGHTING_KEYS);

    assertThat(BlocklistItem.decode(old).entry()).isEqualTo(entry);
  }

  @Test
  void decode_shouldFailNamingSightingKeys_whenTheyAreNoListOfStrings() {
    BlocklistEntry entry = BlocklistEntry.create(Sighting.of("192.0.2.1/32", T0).build());
    Map<String, AttributeValue> item = new HashMap<>(BlocklistItem.attributes(entry, 1));
    item.put(DynamoDbSchema.SIGHTING_KEYS, AttributeValue.fromS("f@1"));

    assertThatThrownBy(() -> BlocklistItem.decode(item))
        .hasMessageContaining("'sightingKeys' is not a list of strings");
  }

  @Test
  void attributes_shouldOmitEmptySetsAndExpiry_whenEntryIsPinnedManualBlock() {
    BlocklistEntry entry =
        BlocklistEntry.create(
            BlockRequest.manual(Cidr.parse("192.0.2.1"), T0, null, SeverityLevel.HIGH, true));

    Map<String, AttributeValue> item = BlocklistItem.attributes(entry, 1);

    assertThat(item)
        .doesNotContainKeys("expiresAt", "expiresAtExact", "findingTypes", "accounts", "regions");
    assertThat(item.get("findingIds").l()).isEmpty();
    assertThat(BlocklistItem.decode(item).entry()).isEqualTo(entry);
  }

  @Test
  void decode_shouldFailNamingExpiry_whenUnpinnedItemLacksIt() {
    Map<String, AttributeValue> item = valid();
    item.remove("expiresAtExact");

    assertThatThrownBy(() -> BlocklistItem.decode(item))
        .hasMessage("attribute 'expiresAtExact' is missing");
  }

  @Test
  void decode_shouldFailNamingProblem_whenValuesAreInvalid() {
    assertThatThrownBy(
            () ->
                BlocklistItem.decode(
                    with("origins", AttributeValue.fromSs(java.util.List.of("EMAIL")))))
        .hasMessage("attribute 'origins' holds unknown origin 'EMAIL'");
    assertThatThrownBy(
            () -> BlocklistItem.decode(with("highestSeverity", AttributeValue.fromS("SEVERE"))))
        .hasMessageContaining("unknown severity label 'SEVERE'");
    assertThatThrownBy(() -> BlocklistItem.decode(with("cidr", AttributeValue.fromS("10.0.0.1/8"))))
        .hasMessageContaining("host bits set");
    assertThatThrownBy(() -> BlocklistItem.decode(with("hits", AttributeValue.fromN("0"))))
        .hasMessageContaining("hits must be positive");
    assertThatThrownBy(() -> BlocklistItem.decode(with("pinned", AttributeValue.fromS("yes"))))
        .hasMessage("attribute 'pinned' is not a boolean");
  }

  @Test
  void describe_shouldNameKey_whenPresent() {
    assertThat(BlocklistItem.describe(Map.of("pk", AttributeValue.fromS("cidr#x"))))
        .isEqualTo("'cidr#x'");
    assertThat(BlocklistItem.describe(Map.of())).isEqualTo("(no key)");
  }

  private static Map<String, AttributeValue> with(String name, AttributeValue value) {
    Map<String, AttributeValue> item = valid();
    item.put(name, value);
    return item;
  }

  private static Map<String, AttributeValue> valid() {
    return new HashMap<>(
        BlocklistItem.attributes(
            BlocklistEntry.create(Sighting.of("198.51.100.7", T0).ttl(Duration.ofHours(1)).build()),
            1));
  }
}
