package io.guardwall.aws;

import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An SQS queue that messages are sent to, one {@code SendMessage} each. Thread-safe. */
public final class SqsMessageQueue {

  private final SqsClient client;
  private final String queueUrl;

  SqsMessageQueue(SqsClient client, String queueUrl) {
    this.client = Objects.requireNonNull(client, "client");
    this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
  }

  /**
   * The queue at {@code queueUrl}, through a default client (region, credentials and endpoint from
   * the environment, including {@code AWS_ENDPOINT_URL_SQS}).
   */
  public static SqsMessageQueue create(String queueUrl) {
    return new SqsMessageQueue(AwsClients.build(SqsClient.builder()), queueUrl);
  }

  /**
   * Sends {@code body}.
   *
   * @throws software.amazon.awssdk.core.exception.SdkException when SQS does not take it
   */
  public void send(String body) {
    client.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
  }

  @Override
  public String toString() {
    return "SqsMessageQueue[" + queueUrl + "]";
  }
}
