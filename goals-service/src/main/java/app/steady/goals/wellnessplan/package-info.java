/**
 * The client's personal wellness plan, co-written with their therapist: their own early warning signs, the coping
 * strategies that work for them, activities that restore them and people to contact. Versioned like goals: a
 * draft takes effect when both parties agree to it; the client can always read it. (reminders-service points the
 * client to it when early signs appear.)
 */
package app.steady.goals.wellnessplan;
