/**
 * The clinical arithmetic analytics must get right, encoded as tested code with its sources (shared CLINICAL.md):
 * reliable and clinically significant change (Jacobson &amp; Truax, 1991) with the English IAPT thresholds, response
 * and remission, and the early-warning statistics of daily mood (van de Leemput et al., 2014). Nothing here is a
 * diagnosis: every result is context for a clinician. Pure domain, no Spring.
 */
package app.steady.analytics.clinical;
