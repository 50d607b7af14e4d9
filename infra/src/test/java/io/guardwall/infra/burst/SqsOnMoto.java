package io.guardwall.infra.burst;

import io.guardwall.aws.MotoServer;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS on a moto server of its own: another process, hence another core, with two patches that
 * change moto's speed, not its behaviour. Its SQS clock reads {@code time.time()} rather than
 * building datetimes, and its retention check reads the queue's retention period instead of
 * computing every attribute (message counts included) for each message received. Unpatched, a
 * receive from a queue of 2,000 messages took over half a second. Thread-safe.
 */
final class SqsOnMoto implements AutoCloseable {

  private static final String FAST_SQS =
      """
      import time
      import moto.sqs.models as m
      _ut, _utm = m.unix_time, m.unix_time_millis
      m.unix_time = lambda dt=None: time.time() if dt is None else _ut(dt)
      m.unix_time_millis = lambda dt=None: time.time() * 1000.0 if dt is None else _utm(dt)
      def _retained(self, queue_name, message):
          period = int(self.get_queue(queue_name).message_retention_period)
          return period + message.sent_timestamp / 1000 > time.time()
      m.SQSBackend.is_message_valid_based_on_retention_period = _retained
      """;

  private final MotoServer.Dedicated server = MotoServer.dedicated(FAST_SQS);
  private final SqsClient client = server.client(SqsClient.builder());

  SqsClient client() {
    return client;
  }

  /** Creates queue {@code name} with {@code attributes}; returns its URL. */
  String create(String name, Map<QueueAttributeName, String> attributes) {
    return client.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
  }

  String arn(String queueUrl) {
    return client
        .getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  /** A redrive policy to {@code deadLetterArn} after {@code maxReceiveCount} receives. */
  static String redrive(String deadLetterArn, int maxReceiveCount) {
    return "{\"deadLetterTargetArn\":\""
        + deadLetterArn
        + "\",\"maxReceiveCount\":"
        + maxReceiveCount
        + "}";
  }

  /** Messages in the queue: visible, in flight or delayed. */
  int depth(String queueUrl) {
    return client
        .getQueueAttributes(
            b ->
                b.queueUrl(queueUrl)
                    .attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
        .attributes()
        .values()
        .stream()
        .mapToInt(Integer::parseInt)
        .sum();
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
