/**
 * Completed questionnaires (PHQ-9, GAD-7 and any measure added to the registry): every item validated, scored,
 * banded, and PHQ-9 item 9 marked as a safety signal in the event so analytics raises its flag at once. A safety
 * answer also brings the client support at once ({@link app.steady.homework.support}), in the same document write.
 * The client reads totals and trends in plain words; bands, caseness and the safety signal are for clinicians.
 */
package app.steady.homework.assessment;
