/**
 * The API's error contract: every error is an RFC 9457 problem detail ({@code application/problem+json}) that
 * names the offending fields. Request bodies are limited in size, and unknown JSON fields are rejected (a typo
 * in a client's health data should fail loudly, not be dropped).
 */
package app.steady.platform.web;
