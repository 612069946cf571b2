// The sign-in screen and the account line of the sidebar, for servers that ask who you are (CITED_AUTH=keys).

import { el, clear } from './dom.js';
import { session, signIn, signOut } from './session.js';

/**
 * Shows the sign-in screen over the page until a key is accepted, then calls onSignedIn(session).
 * The key is sent once, to POST /api/session; the browser keeps only the HttpOnly cookie it gets back.
 */
export function showSignIn(onSignedIn, reason = '') {
  const existing = document.getElementById('signin');
  if (existing) existing.remove();
  const error = el('p', { class: 'signin-error', id: 'signin-error', role: 'alert', dataset: { role: 'signin-error' } }, reason);
  const input = el('input', {
    type: 'password', id: 'signin-key', name: 'key', class: 'signin-input', autocomplete: 'current-password',
    required: '', spellcheck: 'false', placeholder: 'cited_…', 'aria-describedby': 'signin-hint signin-error',
    dataset: { role: 'signin-key' },
  });
  const submit = el('button', { type: 'submit', class: 'button button-primary', dataset: { role: 'signin-submit' } }, 'Sign in');
  const form = el('form', { class: 'signin-card', dataset: { role: 'signin-form' } },
    el('div', { class: 'brand signin-brand' },
      el('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '\u201C'),
      el('span', { class: 'brand-name' }, 'Cited')),
    el('h1', { class: 'signin-title', id: 'signin-title' }, 'Sign in'),
    el('label', { class: 'signin-label', for: 'signin-key' }, 'Your API key'),
    input,
    el('p', { class: 'signin-hint', id: 'signin-hint' },
      'Your admin creates keys with ', el('code', {}, 'cited keys create'), '. The key is not stored in this browser.'),
    error,
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    try {
      const signedIn = await signIn(input.value.trim());
      screen.remove();
      onSignedIn(signedIn);
    } catch (e) {
      error.textContent = e.message || 'That key was not accepted.';
      submit.disabled = false;
      input.select();
    }
  });
  const screen = el('div', { class: 'signin', id: 'signin', role: 'dialog', 'aria-modal': 'true',
    'aria-labelledby': 'signin-title', dataset: { role: 'signin' } }, form);
  document.body.append(screen);
  input.focus();
}

/** "Signed in as ann (admin) · Sign out" in the sidebar; nothing when nobody signs in on this server. */
export function renderAccount(container, onSignedOut) {
  clear(container);
  const current = session();
  container.hidden = current.auth !== 'keys' || !current.signedIn;
  if (container.hidden) return;
  const out = el('button', { type: 'button', class: 'button button-ghost button-small', dataset: { role: 'sign-out' } }, 'Sign out');
  out.addEventListener('click', async () => {
    await signOut();
    onSignedOut();
  });
  container.append(
    el('span', { class: 'account-name', dataset: { role: 'account-name' } },
      `Signed in as ${current.user}${current.role === 'admin' ? ' (admin)' : ''}`),
    ' ', out);
}
