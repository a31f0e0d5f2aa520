/**
 * The clinical arithmetic analytics must get right, encoded as tested code with its sources (shared CLINICAL.md):
 * reliable and clinically significant change (Jacobson &amp; Truax, 1991) with the English IAPT thresholds, response
 * and remission, the early-warning statistics of daily mood (van de Leemput et al., 2014), and the decay of homework
 * completion against the client's baseline and the expected 1–2 points a week (JMIR 2023, e43826). Nothing here is a
 * diagnosis: every result is context for a clinician. Pure domain, no Spring.
 */
package app.steady.analytics.clinical;
