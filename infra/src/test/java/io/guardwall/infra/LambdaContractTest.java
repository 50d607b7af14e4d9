package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.guardwall.aws.DynamoDbSchema;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import io.guardwall.lambda.Env;
import io.guardwall.lambda.ReconcileHandler;
import java.lang.reflect.Modifier;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the stack hands the functions is what the handlers and adapters expect (the shaded jar's
 * contents: LambdaJarIT).
 */
@Needs(ExternalTool.NODE)
class LambdaContractTest {

  @ParameterizedTest
  @EnumSource(Task.class)
  void handler_shouldBeAPublicStreamHandlerWithANoArgConstructor(Task task) throws Exception {
    String name = task.handler().substring(0, task.handler().indexOf("::"));
    Class<?> handler = Class.forName(name);
    assertThat(RequestStreamHandler.class).isAssignableFrom(handler);
    assertThat(Modifier.isPublic(handler.getConstructor().getModifiers())).isTrue();
    assertThat(task.handler()).endsWith("::handleRequest");
  }

  @Test
  void environmentNames_shouldBeTheOnesTheHandlersRead() {
    assertThat(
            Map.of(
                FunctionEnvironment.TABLE, Env.TABLE,
                FunctionEnvironment.RULE_GROUP_ARN, Env.RULE_GROUP_ARN,
                FunctionEnvironment.SLACK_SECRET, Env.SLACK_SECRET,
                FunctionEnvironment.CONFIG, Env.CONFIG))
        .allSatisfy((stack, handler) -> assertThat(stack).isEqualTo(handler));
  }

  @Test
  void alarmMetrics_shouldBeTheOnesTheReconcilerPublishes() {
    assertThat(Alarms.CAPACITY_METRIC).isEqualTo(ReconcileHandler.CAPACITY_METRIC);
    assertThat(Alarms.EVICTED_METRIC).isEqualTo(ReconcileHandler.EVICTED_METRIC);
  }

  @Test
  void table_shouldHaveTheKeyAndTtlTheDynamoDbAdapterUses() {
    assertThat(GuardwallConstruct.PARTITION_KEY).isEqualTo(DynamoDbSchema.PARTITION_KEY);
    assertThat(GuardwallConstruct.TTL_ATTRIBUTE).isEqualTo(DynamoDbSchema.TTL_ATTRIBUTE);
  }
}
