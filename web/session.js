// Who is signed in (GET /api/session), signing in with an API key and out. Nothing here touches the DOM.
// With CITED_AUTH=keys the browser holds an HttpOnly session cookie; every request that changes something must
// send the session's CSRF token back, which api.js does.

let current = { auth: 'off', signedIn: true, user: null, role: 'admin', csrfToken: null };

export function session() {
  return current;
}

/** The CSRF header for a request that changes something, when signed in with the cookie. */
export function csrfHeaders() {
  return current.csrfToken ? { 'X-CSRF-Token': current.csrfToken } : {};
}

/** Whether this server asks who you are and nobody is signed in yet. */
export function needsSignIn() {
  return current.auth === 'keys' && !current.signedIn;
}

export async function loadSession() {
  try {
    const response = await fetch('/api/session', { headers: { Accept: 'application/json' } });
    if (response.ok) current = await response.json();
  } catch (_) {
    // the server is unreachable: the rest of the UI says so
  }
  return current;
}

/** Signs in with an API key; resolves to the session, or rejects with the server's message. */
export async function signIn(key) {
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ key }),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error && body.error.message ? body.error.message : `The server answered ${response.status}.`;
    throw new Error(message);
  }
  current = body;
  return current;
}

export async function signOut() {
  await fetch('/api/session', { method: 'DELETE', headers: csrfHeaders() }).catch(() => null);
  current = { auth: current.auth, signedIn: false };
}
