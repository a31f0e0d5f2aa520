/**
 * Test infrastructure shared by every module: one real Kafka broker and one MongoDB-wire server per test JVM
 * (Testcontainers' real images where a Docker engine exists), tokens, and helpers to read and write raw records.
 */
package app.steady.testing;
