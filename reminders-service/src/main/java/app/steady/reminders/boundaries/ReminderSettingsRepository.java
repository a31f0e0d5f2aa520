package app.steady.reminders.boundaries;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ReminderSettingsRepository extends MongoRepository<ReminderSettings, String> {
}
