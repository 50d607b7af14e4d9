package io.guardwall.core.slack;

import static io.guardwall.core.slack.SlackFixtures.finding;
import static io.guardwall.core.slack.SlackFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.Finding;
import io.guardwall.core.model.ResourceFacts;
import io.guardwall.core.model.ResourceRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding alert never calls the workload's victim an attacker. */
class FindingAlertActorTest {

  private final SlackMessages messages = new SlackMessages("./guardwall unblock");

  private List<String> alertTexts(Finding finding) {
    return texts(messages.findingAlert(finding).payload());
  }

  @Test
  void findingAlert_shouldSayTheWorkloadIsTheActor_whenItScansOthers() {
    SlackFixtures.FindingBuilder b = finding();
    b.type = "Recon:EC2/Portscan";
    b.resource = "Instance i-0abc <b>";

    assertThat(alertTexts(b.build()))
        .contains(
            ":warning: The workload is the actor (it scans other hosts' ports): its remote"
                + " addresses may be victims, not attackers. Consider isolating Instance i-0abc"
                + " &lt;b&gt;.");
  }

  @Test
  void findingAlert_shouldSayTheWorkloadIsTheActor_whenOutboundBruteForce() {
    SlackFixtures.FindingBuilder b = finding();
    b.type = "UnauthorizedAccess:EC2/SSHBruteForce";
    b.resourceFacts = new ResourceFacts(ResourceRole.ACTOR, List.of());

    assertThat(alertTexts(b.build()))
        .anyMatch(t -> t.startsWith(":warning: The workload is the actor (resourceRole ACTOR"));
  }

  @Test
  void findingAlert_shouldAddNoActorLine_whenTheRemoteIsTheAttacker() {
    SlackFixtures.FindingBuilder b = finding();
    b.type = "UnauthorizedAccess:EC2/SSHBruteForce";
    b.resourceFacts = new ResourceFacts(ResourceRole.TARGET, List.of());

    assertThat(alertTexts(b.build())).noneMatch(t -> t.contains("actor"));
    assertThat(alertTexts(finding().build())).noneMatch(t -> t.contains("actor"));
  }
}
