package io.guardwall.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.chatbot.SlackChannelConfiguration;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.FilterOrPolicy;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.StringConditions;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.SubscriptionFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.constructs.Construct;

/**
 * The SNS topic the alarms notify and what listens to it: the failure-alert function and,
 * optionally, an AWS Chatbot Slack channel; stateless.
 */
final class AlarmTopic {

  /**
   * Guardrail of the Chatbot channel: whatever a channel member's role allows, the channel can at
   * most read CloudWatch (the channel's own role allows nothing at all).
   */
  static final String CHATBOT_GUARDRAIL = "CloudWatchReadOnlyAccess";

  private static final String CLOUDWATCH = "cloudwatch.amazonaws.com";

  private AlarmTopic() {}

  /**
   * The topic the props name, or a new one: encrypted with its own rotating KMS key, TLS-only, and
   * open to CloudWatch for the alarms named {@code alarmNamePrefix...} of this account only.
   */
  static ITopic create(Construct scope, GuardwallProps props, String alarmNamePrefix) {
    return props
        .alarmTopicArn()
        .map(arn -> Topic.fromTopicArn(scope, "AlarmTopic", arn))
        .orElseGet(() -> encryptedTopic(scope, alarmNamePrefix));
  }

  /**
   * Subscribes {@code function} to the alarm messages of guardwall's own alarms: a given topic may
   * carry other alarms too, which are not guardwall's to post.
   */
  static void subscribe(ITopic topic, IFunction function, String alarmNamePrefix) {
    SubscriptionFilter ownAlarms =
        SubscriptionFilter.stringFilter(
            StringConditions.builder().matchPrefixes(List.of(alarmNamePrefix)).build());
    Subscription subscription =
        topic.addSubscription(
            LambdaSubscription.Builder.create(function)
                .filterPolicyWithMessageBody(Map.of("AlarmName", FilterOrPolicy.filter(ownAlarms)))
                .build());
    Validations.of(subscription)
        .acknowledge(
            Acknowledgment.builder()
                .id("CloudFormation-Validate::W3694")
                .reason(
                    "SNS takes a qualified function ARN as a lambda endpoint; the alias runs the"
                        + " published SnapStart version, as the state machine's catch does")
                .build());
  }

  /** An AWS Chatbot configuration posting the topic to the props' Slack channel, if any. */
  static void chatbot(Construct scope, GuardwallProps props, ITopic topic) {
    props
        .chatbotChannel()
        .ifPresent(
            channel ->
                SlackChannelConfiguration.Builder.create(scope, "ChatbotChannel")
                    .slackChannelConfigurationName(Stack.of(scope).getStackName() + "-alarms")
                    .slackWorkspaceId(channel.workspaceId())
                    .slackChannelId(channel.channelId())
                    .role(chatbotRole(scope))
                    .guardrailPolicies(
                        List.of(ManagedPolicy.fromAwsManagedPolicyName(CHATBOT_GUARDRAIL)))
                    .notificationTopics(List.of(topic))
                    .build());
  }

  private static Topic encryptedTopic(Construct scope, String alarmNamePrefix) {
    // CloudWatch cannot publish to a topic under the AWS-managed SNS key: its key policy cannot be
    // changed to let CloudWatch use it. Hence a key of guardwall's own.
    Key key =
        Key.Builder.create(scope, "AlarmTopicKey")
            .description("guardwall: encrypts the alarm topic")
            .enableKeyRotation(true)
            // The key protects only messages in flight; nothing outlives the topic.
            .removalPolicy(RemovalPolicy.DESTROY)
            .pendingWindow(Duration.days(7))
            .build();
    key.addToResourcePolicy(
        forOwnAlarms(scope, alarmNamePrefix)
            .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
            .resources(List.of("*"))
            .build());
    Topic topic =
        Topic.Builder.create(scope, "AlarmTopic")
            .displayName("guardwall alarms")
            .masterKey(key)
            .enforceSsl(true)
            .build();
    topic.addToResourcePolicy(
        forOwnAlarms(scope, alarmNamePrefix)
            .actions(List.of("sns:Publish"))
            .resources(List.of(topic.getTopicArn()))
            .build());
    return topic;
  }

  /** A statement letting CloudWatch act for this account's alarms named with the prefix only. */
  private static PolicyStatement.Builder forOwnAlarms(Construct scope, String alarmNamePrefix) {
    Stack stack = Stack.of(scope);
    String alarms =
        stack.formatArn(
            ArnComponents.builder()
                .service("cloudwatch")
                .resource("alarm")
                .resourceName(alarmNamePrefix + "*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    IPrincipal cloudWatch = new ServicePrincipal(CLOUDWATCH);
    return PolicyStatement.Builder.create()
        .principals(List.of(cloudWatch))
        .conditions(
            Map.of(
                "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                "ArnLike", Map.of("aws:SourceArn", alarms)));
  }

  private static Role chatbotRole(Construct scope) {
    // Notifications need no permission; the role exists because a channel must have one.
    return Role.Builder.create(scope, "ChatbotRole")
        .assumedBy(new ServicePrincipal("chatbot.amazonaws.com"))
        .description("guardwall: the AWS Chatbot channel of the alarm topic; allows nothing")
        .build();
  }
}
