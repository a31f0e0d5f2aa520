/**
 * The load harness: starts the real broker, the MongoDB-wire server and the services as processes (as the local
 * launcher does), drives them through the public APIs and the topics, and reports what it measured beside the
 * baselines measured in the same run. {@link app.steady.benchmarks.Benchmarks} is the entry point.
 */
package app.steady.benchmarks;
