package app.steady.homework.security;

import app.steady.testing.HostilePayloads;

/** Every write endpoint of homework-service under hostile and malformed bodies: only 4xx, nothing stored. */
class HomeworkHostilePayloadsIT extends HostilePayloads {
}
