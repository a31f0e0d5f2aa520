/**
 * Standardised questionnaires (PHQ-9, GAD-7, ...) held as data in a {@link MeasureRegistry}, so a measure is added
 * by describing its items, bands, caseness threshold and safety item rather than by writing code; and
 * {@link Scoring}, which turns a client's answers into a total, a severity band, caseness and a safety signal.
 * Pure domain code, no Spring.
 */
package app.steady.homework.questionnaires;
