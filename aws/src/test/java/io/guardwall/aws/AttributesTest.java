package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2030-01-01T00:00:00.123456789Z",
        "2030-01-01T00:00:00Z",
        "2030-01-01T00:00:00.000000001Z",
        "1969-12-31T23:59:59.5Z",
        "1970-01-01T00:00:00Z",
        "+1000000000-01-01T00:00:00.999999999Z"
      })
  void instant_shouldRoundTripExactly_whenEncodedAndDecoded(String text) {
    Instant instant = Instant.parse(text);

    assertThat(Attributes.instant(Map.of("t", Attributes.instant(instant)), "t"))
        .isEqualTo(instant);
  }

  @Test
  void instant_shouldWriteDecimalEpochSeconds_whenInstantHasNanos() {
    assertThat(Attributes.instant(Instant.parse("2030-01-01T00:00:00.1Z")).n())
        .isEqualTo("1893456000.1");
    assertThat(Attributes.instant(Instant.parse("2030-01-01T00:00:00Z")).n())
        .isEqualTo("1893456000");
  }

  @Test
  void ttlSeconds_shouldRoundUp_whenInstantHasFraction() {
    assertThat(Attributes.ttlSeconds(Instant.ofEpochSecond(100, 1)).n()).isEqualTo("101");
    assertThat(Attributes.ttlSeconds(Instant.ofEpochSecond(100)).n()).isEqualTo("100");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0000000001", "abc", "1e400", "1e999999999", "", "NaN", "-1e30"})
  void instant_shouldFailNamingAttribute_whenNumberIsNoInstant(String n) {
    Map<String, AttributeValue> item = Map.of("t", AttributeValue.fromN(n));

    assertThatThrownBy(() -> Attributes.instant(item, "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute 't' is not an instant in epoch seconds");
  }

  @Test
  void number_shouldFail_whenValueIsFractionalOrText() {
    assertThatThrownBy(() -> Attributes.number(Map.of("n", AttributeValue.fromN("1.5")), "n"))
        .hasMessage("attribute 'n' is not an integer");
    assertThatThrownBy(() -> Attributes.number(Map.of("n", AttributeValue.fromS("1")), "n"))
        .hasMessage("attribute 'n' is not a number");
  }

  @Test
  void getters_shouldFailNamingAttribute_whenMissingOrOfWrongType() {
    Map<String, AttributeValue> item = Map.of("x", AttributeValue.fromN("1"));

    assertThatThrownBy(() -> Attributes.string(item, "y")).hasMessage("attribute 'y' is missing");
    assertThatThrownBy(() -> Attributes.string(item, "x"))
        .hasMessage("attribute 'x' is not a string");
    assertThatThrownBy(() -> Attributes.bool(item, "x"))
        .hasMessage("attribute 'x' is not a boolean");
    assertThatThrownBy(() -> Attributes.stringSet(item, "x"))
        .hasMessage("attribute 'x' is not a string set");
    assertThatThrownBy(() -> Attributes.stringList(item, "x"))
        .hasMessage("attribute 'x' is not a list of strings");
  }

  @Test
  void stringList_shouldFail_whenAnElementIsNotAString() {
    Map<String, AttributeValue> item =
        Map.of(
            "l",
            AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1"))));

    assertThatThrownBy(() -> Attributes.stringList(item, "l"))
        .hasMessage("attribute 'l' is not a list of strings");
  }

  @Test
  void stringSet_shouldBeEmpty_whenAttributeAbsentAndNullWhenWritingEmptySet() {
    assertThat(Attributes.stringSet(Map.of(), "s")).isEmpty();
    assertThat(Attributes.stringSet(List.of())).isNull();
    assertThat(Attributes.stringSet(List.of("", "a")).ss()).containsExactly("", "a");
  }
}
