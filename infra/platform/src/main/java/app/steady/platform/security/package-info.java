/**
 * Every API call carries a bearer JWT naming the caller's tenant, user id ({@code sub}) and role. The
 * {@link app.steady.platform.security.Caller} is what controllers receive; services scope every read and write
 * by its tenant. Only health is anonymous.
 */
package app.steady.platform.security;
