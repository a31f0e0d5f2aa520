// Calls Steady's API through the front door as the signed-in browser. The browser holds no token: the session
// cookie says who it is, and X-Steady-App marks the call as the app's own (the gateway adds the bearer token).

export class SignedOut extends Error {}

export class Problem extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

// RFC 9457 problems name the fields at fault; say which and why, so the client knows what to change.
function describe(status, problem) {
  if (!problem) return 'Something went wrong (' + status + ')';
  if (Array.isArray(problem.errors) && problem.errors.length) {
    return 'Please check: ' + problem.errors.map((error) => error.field + ' ' + (error.message || 'is invalid')).join('; ');
  }
  return problem.detail || problem.title || 'Something went wrong (' + status + ')';
}

/** The answer's body and its ETag (for the next write's If-Match). */
export async function exchange(method, path, body, headers = {}) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: Object.assign({ 'X-Steady-App': '1', Accept: 'application/json' },
      body === undefined ? {} : { 'Content-Type': 'application/json' }, headers),
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
  return { body: json, etag: response.headers.get('ETag'), status: response.status };
}

export async function api(method, path, body, headers) {
  return (await exchange(method, path, body, headers)).body;
}

export const session = {
  me: () => api('GET', '/app/session'),
  demoUsers: () => api('GET', '/app/demo-users'),
  providers: () => api('GET', '/app/providers'),
  signIn: (user) => api('POST', '/app/session', { user }),
  signOut: () => api('DELETE', '/app/session'),
};
