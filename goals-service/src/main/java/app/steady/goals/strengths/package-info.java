/**
 * The client's strengths inventory (the strength-based approach): what they are good at and who supports them,
 * added by either party and linked to the goals that draw on them.
 */
package app.steady.goals.strengths;
