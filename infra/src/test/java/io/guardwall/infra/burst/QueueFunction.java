package io.guardwall.infra.burst;

/**
 * The queue consumer function as Lambda invokes it. One instance stands for one execution
 * environment: Lambda never runs two invocations in one environment at once, so neither does the
 * poller.
 */
interface QueueFunction {

  /**
   * One invocation: the Lambda SQS event JSON in, the function's response JSON out.
   *
   * @throws Exception a function error: Lambda fails the whole batch
   */
  String invoke(String sqsEvent) throws Exception;
}
