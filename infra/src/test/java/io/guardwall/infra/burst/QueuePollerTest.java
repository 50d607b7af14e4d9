package io.guardwall.infra.burst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sqs.model.Message;

/** The poller reads a partial batch response as Lambda documents it. */
class QueuePollerTest {

  private static final List<Message> BATCH =
      List.of(
          Message.builder().messageId("m-1").build(), Message.builder().messageId("m-2").build());

  @ParameterizedTest
  @ValueSource(
      strings = {"", "null", "{}", "{\"batchItemFailures\":null}", "{\"batchItemFailures\":[]}"})
  void itemFailures_shouldBeNone_whenTheResponseReportsNoFailure(String response) {
    assertThat(QueuePoller.itemFailures(response, BATCH)).isEmpty();
  }

  @Test
  void itemFailures_shouldNameTheMessages_whenTheResponseListsTheirIds() {
    String response = "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}";

    assertThat(QueuePoller.itemFailures(response, BATCH)).containsExactly("m-2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
        "{\"batchItemFailures\":[{\"id\":\"m-1\"}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-9\"}]}"
      })
  void itemFailures_shouldFailTheWholeBatch_whenAnItemIsInvalid(String response) {
    assertThat(QueuePoller.itemFailures(response, BATCH)).isNull();
  }
}
