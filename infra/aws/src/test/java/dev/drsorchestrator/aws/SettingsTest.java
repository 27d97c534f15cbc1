package dev.drsorchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deployment's choices: defaults, and every problem reported at once with what to do. */
class SettingsTest {

    @Test
    void theRequiredChoicesAloneGiveAWorkingDeploymentWithDefaults() {
        Settings settings = Settings.from(Synthesized.context()::get);

        assertThat(settings.prefix()).isEqualTo("drs-orchestrator");
        assertThat(settings.publicUrl()).isEqualTo("https://dr.example.com");
        assertThat(settings.memberAccounts()).containsExactly("111111111111", "222222222222");
        assertThat(settings.memberRoleName()).isEqualTo("drs-orchestrator-member");
        assertThat(settings.natGateways()).isEqualTo(1);
        assertThat(settings.maxTasks()).isEqualTo(4);
        assertThat(settings.logRetentionDays()).isEqualTo(90);
        assertThat(settings.retainData()).isTrue();
        assertThat(settings.imageTag()).isNull();
        assertThat(settings.tracing()).isTrue();
        // Tracing is off unless asked for.
        Map<String, Object> untraced = new HashMap<>(Synthesized.context());
        untraced.remove("tracing");
        assertThat(Settings.from(untraced::get).tracing()).isFalse();
    }

    @Test
    void nothingGivenListsEveryRequiredChoiceAtOnce() {
        assertThatThrownBy(() -> Settings.from(key -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 problem(s)")
                .hasMessageContaining("domainName: missing")
                .hasMessageContaining("certificateArn: missing")
                .hasMessageContaining("cognitoDomainPrefix: missing")
                .hasMessageContaining("-c domainName=");
    }

    @Test
    void badValuesAreEachNamedWithTheReason() {
        Map<String, Object> context = new HashMap<>(Synthesized.context());
        context.put("prefix", "DR_1");
        context.put("certificateArn", "not-an-arn");
        context.put("cognitoDomainPrefix", "my-aws-login");
        context.put("memberAccounts", "12345,111111111111");
        context.remove("externalId");
        context.put("logRetentionDays", "100");
        context.put("natGateways", "many");
        context.put("retainData", "yes");

        assertThatThrownBy(() -> Settings.from(context::get))
                .hasMessageContaining("8 problem(s)")
                .hasMessageContaining("prefix: 'DR_1' must be 2-20 lower-case letters")
                .hasMessageContaining("certificateArn: 'not-an-arn' is not an ACM certificate ARN")
                .hasMessageContaining("cognitoDomainPrefix: 'my-aws-login'")
                .hasMessageContaining("memberAccounts: '12345' is not a 12-digit AWS account id")
                .hasMessageContaining("externalId: missing; member accounts are reached through a role")
                .hasMessageContaining("logRetentionDays: 100 is not one CloudWatch Logs accepts")
                .hasMessageContaining("natGateways: 'many' is not a whole number")
                .hasMessageContaining("retainData: 'yes' must be true or false");
    }
}
