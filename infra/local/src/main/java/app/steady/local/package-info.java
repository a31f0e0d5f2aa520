/**
 * The local launcher: one command starts a real KRaft Kafka broker, a MongoDB-wire server (H2, on disk) and the
 * four services, each as its own process, with no Docker. Test infrastructure reuses the process classes to stop
 * and restart real parts in failure tests.
 */
package app.steady.local;
