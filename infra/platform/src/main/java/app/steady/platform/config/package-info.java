/**
 * Wiring: the single auto-configuration that assembles the platform, the shared defaults every service starts
 * from ({@code steady-platform-defaults.yml}), and topic provisioning.
 */
package app.steady.platform.config;
