/**
 * Sign-in for the client web app, the backend-for-frontend way: the browser never holds a token. A signed-in browser
 * has a session cookie (HttpOnly, SameSite=Strict); the gateway keeps the access token in the session and adds it
 * as a bearer token to the app's API calls ({@link app.steady.gateway.signin.SessionBearer}). Locally the demo users
 * sign in with one click ({@link app.steady.gateway.signin.DemoSignIn}).
 */
package app.steady.gateway.signin;
