/**
 * Goals set together: either party proposes, and a goal is set only when client and therapist have agreed to the
 * same version of it (shared decision-making). The client owns their goals.
 */
package app.steady.goals.agreement;
