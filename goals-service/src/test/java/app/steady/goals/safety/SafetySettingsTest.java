package app.steady.goals.safety;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.events.goals.TenantSafetySettingsUpdated;
import app.steady.platform.safety.TenantSafetySettings.CrisisResource;
import app.steady.platform.safety.TenantSafetySettings.OnCallContact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetySettingsTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final SafetyContent ON_CALL = new SafetyContent(
            List.of(new OnCallContact("Duty clinician", "oncall@provider.example", null, null)),
            List.of(new CrisisResource("Samaritans", "116 123", null, "https://www.samaritans.org", "en-GB")),
            Duration.ofMinutes(15));

    @Test
    void eachChangeRaisesTheVersionByOneAndPublishesTheWholeSettings() {
        SafetySettings settings = SafetySettings.newFor("tenant-1");

        var first = settings.replaceWith(ON_CALL, NOW);
        var second = settings.replaceWith(new SafetyContent(ON_CALL.onCallContacts(), List.of(), Duration.ofMinutes(5)),
                NOW.plusSeconds(60));

        assertThat(first).singleElement().isInstanceOfSatisfying(TenantSafetySettingsUpdated.class, event -> {
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.subjectId()).isEqualTo("tenant-1");
            assertThat(event.crisisResources()).hasSize(1);
        });
        assertThat(second).singleElement().isInstanceOfSatisfying(TenantSafetySettingsUpdated.class, event -> {
            assertThat(event.version()).isEqualTo(2);
            assertThat(event.crisisResources()).isEmpty();
            assertThat(event.highPriorityEscalationAfter()).isEqualTo("PT5M");
            assertThat(event.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        });
        assertThat(settings.asSettings().hasReachableOnCall()).isTrue();
    }

    @Test
    void theSameSettingsAgainChangeNothingAndPublishNothing() {
        SafetySettings settings = SafetySettings.newFor("tenant-1");
        settings.replaceWith(ON_CALL, NOW);

        assertThat(settings.replaceWith(ON_CALL, NOW.plusSeconds(60))).isEmpty();
        assertThat(settings.asSettings().version()).isEqualTo(1);
        assertThat(settings.asSettings().updatedAt()).isEqualTo(NOW);
    }
}
