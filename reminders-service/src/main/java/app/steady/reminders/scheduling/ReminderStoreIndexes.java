package app.steady.reminders.scheduling;

import app.steady.platform.store.EmbeddedStoreIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reminders' exact-key filters for the embedded store's index profile (created on mongo-java-server only; on
 * MongoDB the {@code _id} index serves them).
 */
@Configuration(proxyBeanMethods = false)
class ReminderStoreIndexes {

    /** {@link ReminderBook#put} re-planning a reminder only while it is in one waiting state. */
    @Bean
    EmbeddedStoreIndexes.Keys reminderIdAndStatus() {
        return EmbeddedStoreIndexes.Keys.of("reminders", "_id", "status");
    }

    /** {@link DueReminders#clearDrainedMinutes} deleting a minute only if no filing came in meanwhile. */
    @Bean
    EmbeddedStoreIndexes.Keys dueMinuteUnchanged() {
        return EmbeddedStoreIndexes.Keys.of(DueReminders.MINUTES, "_id", "filed", "confirmed");
    }
}
