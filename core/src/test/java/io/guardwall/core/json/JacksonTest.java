package io.guardwall.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JacksonTest {

  private static final String DOC = "{\"a\":[1,2.5,\"x\",null,true],\"b\":{\"c\":\"\\u00e9\\n\"}}";

  @Test
  void writers_shouldWriteExactlyAsAPlainObjectMapper() throws Exception {
    ObjectMapper plain = new ObjectMapper();
    JsonNode doc = plain.readTree(DOC);

    assertThat(Jackson.writer().writeValueAsString(doc)).isEqualTo(plain.writeValueAsString(doc));
    assertThat(Jackson.prettyWriter().writeValueAsString(doc))
        .isEqualTo(plain.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
  }

  @Test
  void reader_shouldReadAsAPlainObjectMapper_includingEmptyInput() throws Exception {
    assertThat(Jackson.reader().readTree(DOC)).isEqualTo(new ObjectMapper().readTree(DOC));
    assertThat(Jackson.reader().readTree("").isMissingNode()).isTrue();
  }

  @Test
  void objectNode_shouldBeNewAndEmpty_onEveryCall() {
    ObjectNode first = Jackson.objectNode();
    first.put("k", 1);

    assertThat(Jackson.objectNode()).isEmpty();
    assertThat(Jackson.arrayNode()).isEmpty();
  }

  @Test
  void toMap_shouldConvertAsAPlainObjectMapper() throws Exception {
    ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(DOC);

    assertThat(Jackson.toMap(doc))
        .isEqualTo(new ObjectMapper().convertValue(doc, java.util.Map.class));
  }

  @Test
  void reader_shouldStayTheSame_whenACallerDerivesAVariant() throws Exception {
    Jackson.reader()
        .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    assertThat(Jackson.reader().readTree("1 2").asInt()).isEqualTo(1);
  }
}
