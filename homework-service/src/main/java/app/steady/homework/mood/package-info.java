/**
 * Mood tracking: check-ins of mood (0-10) with optional anxiety, energy, sleep, emotions from a fixed vocabulary and
 * a short note (encrypted like the journal), in the client's local time; self-initiated or as a mood check-in
 * occurrence of an assignment.
 */
package app.steady.homework.mood;
