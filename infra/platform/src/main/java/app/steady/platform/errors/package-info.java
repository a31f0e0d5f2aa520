/**
 * The errors domain code raises (not found, conflict, stale version, invalid request). They say nothing about HTTP;
 * {@link app.steady.platform.web.ProblemDetailsAdvice} turns them into problem details.
 */
package app.steady.platform.errors;
