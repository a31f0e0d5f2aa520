/**
 * The therapist dashboard: a static page (resources/static/dashboard) that reads the analytics API with the
 * therapist's bearer token, so it shows exactly what the API allows that therapist to see.
 */
package app.steady.analytics.dashboard;
