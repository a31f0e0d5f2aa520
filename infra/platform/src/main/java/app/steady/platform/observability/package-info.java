/** Trace context carried with events, log context (trace and event ids) and the instance identity used in metrics. */
package app.steady.platform.observability;
