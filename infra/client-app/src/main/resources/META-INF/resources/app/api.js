// Calls Steady's API through the front door as the signed-in browser. The browser holds no token: the session
// cookie says who it is, and X-Steady-App marks the call as the app's own (the gateway adds the bearer token).

export class SignedOut extends Error {}

export class Problem extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || 'Something went wrong (' + status + ')');
    this.status = status;
    this.problem = problem;
  }
}

export async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: Object.assign({ 'X-Steady-App': '1', Accept: 'application/json' },
      body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    throw new SignedOut();
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Problem(response.status, json);
  }
  return json;
}

export const session = {
  me: () => api('GET', '/app/session'),
  demoUsers: () => api('GET', '/app/demo-users'),
  signIn: (user) => api('POST', '/app/session', { user }),
  signOut: () => api('DELETE', '/app/session'),
};
