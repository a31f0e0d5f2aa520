/**
 * Support offered to a client at once when they answer a questionnaire's safety item (PHQ-9 item 9) with 1 or more
 * (shared CLINICAL.md, "What the client sees"): supportive words that tell them their therapist will be informed, the
 * steps and contacts of their own wellness plan, and their provider's crisis resources for their locale — or, when
 * the provider has configured none, a pointer to local emergency services that names no one country's number.
 * Owns this service's copy of each client's wellness plan, kept from goals-service's events.
 */
package app.steady.homework.support;
