package app.steady.reminders.security;

import app.steady.testing.HostilePayloads;

/** Every write endpoint of reminders-service under hostile and malformed bodies: only 4xx, nothing stored. */
class RemindersHostilePayloadsIT extends HostilePayloads {
}
