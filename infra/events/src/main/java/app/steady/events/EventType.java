package app.steady.events;

import app.steady.events.analytics.RiskFlagAcknowledged;
import app.steady.events.analytics.RiskFlagRaised;
import app.steady.events.analytics.TherapistDigestReady;
import app.steady.events.goals.CaseloadHeartbeat;
import app.steady.events.goals.ClientAssigned;
import app.steady.events.goals.ClientUnassigned;
import app.steady.events.goals.GoalAchieved;
import app.steady.events.goals.GoalDiscontinued;
import app.steady.events.goals.GoalProgressRecorded;
import app.steady.events.goals.GoalRevised;
import app.steady.events.goals.GoalSet;
import app.steady.events.goals.TenantSafetySettingsUpdated;
import app.steady.events.goals.WellnessPlanUpdated;
import app.steady.events.homework.AssessmentCompleted;
import app.steady.events.homework.ClientSupportOffered;
import app.steady.events.homework.HomeworkAssigned;
import app.steady.events.homework.HomeworkCancelled;
import app.steady.events.homework.HomeworkCompleted;
import app.steady.events.homework.HomeworkMissed;
import app.steady.events.homework.HomeworkQualityRated;
import app.steady.events.homework.HomeworkSkipped;
import app.steady.events.homework.HomeworkUpdated;
import app.steady.events.homework.JournalEntryRecorded;
import app.steady.events.homework.MoodLogged;
import app.steady.events.privacy.ClientDataExported;
import app.steady.events.privacy.ClientErased;
import app.steady.events.privacy.ClientErasureRequested;
import app.steady.events.privacy.ClientExportRequested;
import app.steady.events.privacy.ClientRecordAccessed;
import app.steady.events.reminders.ReminderDue;
import app.steady.events.reminders.ReminderFailed;
import app.steady.events.reminders.ReminderSent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The typed catalogue: every event type, the topic it travels on and the record its data binds to.
 * {@code docs/events.md} is the human-readable view of this enum; a test keeps the two in step.
 */
public enum EventType {
    CLIENT_ASSIGNED("steady.goals.client-assigned.v1", Topic.GOALS, ClientAssigned.class),
    CLIENT_UNASSIGNED("steady.goals.client-unassigned.v1", Topic.GOALS, ClientUnassigned.class),
    GOAL_SET("steady.goals.goal-set.v1", Topic.GOALS, GoalSet.class),
    GOAL_PROGRESS_RECORDED("steady.goals.goal-progress-recorded.v1", Topic.GOALS, GoalProgressRecorded.class),
    GOAL_ACHIEVED("steady.goals.goal-achieved.v1", Topic.GOALS, GoalAchieved.class),
    GOAL_REVISED("steady.goals.goal-revised.v1", Topic.GOALS, GoalRevised.class),
    GOAL_DISCONTINUED("steady.goals.goal-discontinued.v1", Topic.GOALS, GoalDiscontinued.class),
    WELLNESS_PLAN_UPDATED("steady.goals.wellness-plan-updated.v1", Topic.GOALS, WellnessPlanUpdated.class),
    TENANT_SAFETY_SETTINGS_UPDATED("steady.goals.tenant-safety-settings-updated.v1", Topic.GOALS,
            TenantSafetySettingsUpdated.class),
    CLIENT_ERASURE_REQUESTED("steady.goals.client-erasure-requested.v1", Topic.GOALS, ClientErasureRequested.class),
    CLIENT_EXPORT_REQUESTED("steady.goals.client-export-requested.v1", Topic.GOALS, ClientExportRequested.class),
    CASELOAD_HEARTBEAT("steady.goals.caseload-heartbeat.v1", Topic.GOALS, CaseloadHeartbeat.class),

    HOMEWORK_ASSIGNED("steady.homework.homework-assigned.v1", Topic.HOMEWORK, HomeworkAssigned.class),
    HOMEWORK_UPDATED("steady.homework.homework-updated.v1", Topic.HOMEWORK, HomeworkUpdated.class),
    HOMEWORK_CANCELLED("steady.homework.homework-cancelled.v1", Topic.HOMEWORK, HomeworkCancelled.class),
    HOMEWORK_COMPLETED("steady.homework.homework-completed.v1", Topic.HOMEWORK, HomeworkCompleted.class),
    HOMEWORK_SKIPPED("steady.homework.homework-skipped.v1", Topic.HOMEWORK, HomeworkSkipped.class),
    HOMEWORK_MISSED("steady.homework.homework-missed.v1", Topic.HOMEWORK, HomeworkMissed.class),
    HOMEWORK_QUALITY_RATED("steady.homework.homework-quality-rated.v1", Topic.HOMEWORK, HomeworkQualityRated.class),
    MOOD_LOGGED("steady.homework.mood-logged.v1", Topic.HOMEWORK, MoodLogged.class),
    JOURNAL_ENTRY_RECORDED("steady.homework.journal-entry-recorded.v1", Topic.HOMEWORK, JournalEntryRecorded.class),
    ASSESSMENT_COMPLETED("steady.homework.assessment-completed.v1", Topic.HOMEWORK, AssessmentCompleted.class),
    CLIENT_SUPPORT_OFFERED("steady.homework.client-support-offered.v1", Topic.HOMEWORK, ClientSupportOffered.class),

    REMINDER_DUE("steady.reminders.reminder-due.v1", Topic.REMINDERS, ReminderDue.class),
    REMINDER_SENT("steady.reminders.reminder-sent.v1", Topic.REMINDERS, ReminderSent.class),
    REMINDER_FAILED("steady.reminders.reminder-failed.v1", Topic.REMINDERS, ReminderFailed.class),

    RISK_FLAG_RAISED("steady.analytics.risk-flag-raised.v1", Topic.ANALYTICS, RiskFlagRaised.class),
    RISK_FLAG_ACKNOWLEDGED("steady.analytics.risk-flag-acknowledged.v1", Topic.ANALYTICS, RiskFlagAcknowledged.class),
    THERAPIST_DIGEST_READY("steady.analytics.therapist-digest-ready.v1", Topic.ANALYTICS, TherapistDigestReady.class),

    // Privacy events every service publishes in the same shape on its own topic (PerServiceEventData).
    GOALS_CLIENT_ERASED("steady.goals.client-erased.v1", Topic.GOALS, ClientErased.class),
    HOMEWORK_CLIENT_ERASED("steady.homework.client-erased.v1", Topic.HOMEWORK, ClientErased.class),
    REMINDERS_CLIENT_ERASED("steady.reminders.client-erased.v1", Topic.REMINDERS, ClientErased.class),
    ANALYTICS_CLIENT_ERASED("steady.analytics.client-erased.v1", Topic.ANALYTICS, ClientErased.class),
    HOMEWORK_CLIENT_DATA_EXPORTED("steady.homework.client-data-exported.v1", Topic.HOMEWORK, ClientDataExported.class),
    REMINDERS_CLIENT_DATA_EXPORTED("steady.reminders.client-data-exported.v1", Topic.REMINDERS, ClientDataExported.class),
    ANALYTICS_CLIENT_DATA_EXPORTED("steady.analytics.client-data-exported.v1", Topic.ANALYTICS, ClientDataExported.class),
    GOALS_CLIENT_RECORD_ACCESSED("steady.goals.client-record-accessed.v1", Topic.GOALS, ClientRecordAccessed.class),
    HOMEWORK_CLIENT_RECORD_ACCESSED("steady.homework.client-record-accessed.v1", Topic.HOMEWORK, ClientRecordAccessed.class),
    REMINDERS_CLIENT_RECORD_ACCESSED("steady.reminders.client-record-accessed.v1", Topic.REMINDERS, ClientRecordAccessed.class),
    ANALYTICS_CLIENT_RECORD_ACCESSED("steady.analytics.client-record-accessed.v1", Topic.ANALYTICS, ClientRecordAccessed.class);

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, List<EventType>> BY_DATA_CLASS = Arrays.stream(values())
            .collect(Collectors.groupingBy(EventType::dataClass));

    private final String type;
    private final Topic topic;
    private final Class<? extends EventData> dataClass;

    EventType(String type, Topic topic, Class<? extends EventData> dataClass) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    /** The CloudEvents {@code type} attribute, versioned. */
    public String type() {
        return type;
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** Classpath location of this type's JSON Schema (draft 2020-12). */
    public String schemaResource() {
        return "/events/schemas/" + type + ".schema.json";
    }

    /** Classpath location of this type's golden example: the data of one valid event. */
    public String exampleResource() {
        return "/events/examples/" + type + ".json";
    }

    public static Optional<EventType> ofType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The type of this data; for {@link PerServiceEventData}, the type on the topic of the service it names. */
    public static EventType of(EventData data) {
        List<EventType> candidates = BY_DATA_CLASS.get(data.getClass());
        if (candidates == null) {
            throw new IllegalArgumentException(data.getClass().getName() + " is not in the event catalogue");
        }
        if (data instanceof PerServiceEventData perService) {
            return candidates.stream().filter(type -> type.topic().producer().equals(perService.service()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(
                            data.getClass().getSimpleName() + " has no type for service " + perService.service()));
        }
        return candidates.get(0);
    }
}
