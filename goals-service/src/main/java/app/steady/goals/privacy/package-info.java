/**
 * The client's rights over their data, coordinated here because goals-service owns the caseload: erasure requests
 * and their proof (acknowledged by every service through events), and data exports (parts sealed by every service,
 * assembled here, kept only encrypted under a key that is destroyed when the download window closes). Each
 * service's own erasure and export work is the platform's (app.steady.platform.privacy).
 */
package app.steady.goals.privacy;
