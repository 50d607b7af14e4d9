package io.guardwall.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** An ended execution: its description and its history, read as the states and tasks it ran. */
record Execution(DescribeExecutionResponse description, List<HistoryEvent> history) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The states entered, in order. */
  List<String> statesEntered() {
    return details(
        e -> e.stateEnteredEventDetails() == null ? null : e.stateEnteredEventDetails().name());
  }

  /** The payload of each Lambda invocation, in order (retries included). */
  List<JsonNode> lambdaInputs() {
    return details(
            e ->
                e.lambdaFunctionScheduledEventDetails() == null
                    ? null
                    : e.lambdaFunctionScheduledEventDetails().input())
        .stream()
        .map(Execution::parse)
        .toList();
  }

  /** The error of each failed Lambda invocation, in order. */
  List<String> lambdaErrors() {
    return details(
        e ->
            e.lambdaFunctionFailedEventDetails() == null
                ? null
                : e.lambdaFunctionFailedEventDetails().error());
  }

  private List<String> details(Function<HistoryEvent, String> detail) {
    return history.stream().map(detail).filter(Objects::nonNull).toList();
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }
}
