/**
 * Journal entries: the client's free text, encrypted at rest with their own key. The client decides per entry
 * whether their therapist may read it; events carry only metadata, never the text.
 */
package app.steady.homework.journal;
