package app.steady.goals.security;

import app.steady.testing.HostilePayloads;

/** Every write endpoint of goals-service under hostile and malformed bodies: only 4xx, nothing stored. */
class GoalsHostilePayloadsIT extends HostilePayloads {
}
