/**
 * Goal Attainment Scaling (Kiresuk &amp; Sherman, 1968): each goal scored -2..+2 against its own scale (0 = the
 * expected outcome), combined into one T-score per client. Pure domain arithmetic, no Spring.
 */
package app.steady.goals.attainment;
