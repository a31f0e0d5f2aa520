/**
 * Completed questionnaires (PHQ-9, GAD-7 and any measure added to the registry): every item validated, scored,
 * banded, and PHQ-9 item 9 marked as a safety signal in the event so analytics raises its flag at once.
 */
package app.steady.homework.assessment;
