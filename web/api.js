// Talking to the Cited HTTP API. Nothing here touches the DOM.

import { csrfHeaders } from './session.js';

export class ApiError extends Error {
  constructor(message, { code = 'error', status = 0, network = false } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.network = network;
  }
}

const NETWORK_MESSAGE = 'Could not reach Cited. Check that the server is running, then try again.';

async function request(url, options = {}) {
  let response;
  try {
    const changes = options.method && options.method !== 'GET';
    response = await fetch(url, {
      ...options,
      headers: { Accept: 'application/json', ...(changes ? csrfHeaders() : {}), ...(options.headers || {}) },
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(NETWORK_MESSAGE, { code: 'network', network: true });
  }
  if (!response.ok) {
    // The session ended (expired, key revoked, signed out elsewhere): the page asks for a key again.
    if (response.status === 401) window.dispatchEvent(new CustomEvent('cited:signed-out'));
    throw await errorFrom(response);
  }
  return response;
}

/** Turns a non-2xx response into an ApiError, reading the {"error":{"code","message"}} body when there is one. */
async function errorFrom(response) {
  let code = 'http_' + response.status;
  let message = `The server answered ${response.status}${response.statusText ? ' ' + response.statusText : ''}.`;
  try {
    const body = await response.json();
    if (body && body.error) {
      if (typeof body.error.code === 'string') code = body.error.code;
      if (typeof body.error.message === 'string' && body.error.message) message = body.error.message;
    }
  } catch (_) {
    // not JSON: keep the generic message
  }
  return new ApiError(message, { code, status: response.status });
}

export async function getJson(url, { signal } = {}) {
  const response = await request(url, { signal });
  return response.json();
}

export async function postJson(url, body, { signal } = {}) {
  const response = await request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Sends files as multipart/form-data, one part named `files` per file (POST /api/documents). */
export async function postFiles(url, files, { signal } = {}) {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  const response = await request(url, { method: 'POST', body: form, signal });
  return response.json();
}

export async function deleteJson(url, { signal } = {}) {
  const response = await request(url, { method: 'DELETE', signal });
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/**
 * Parses a text/event-stream body incrementally. Calls onEvent(name, data) for every complete event.
 * Exported for reuse; the format is the one in the HTML standard (event:, data:, comments with ':').
 */
export async function readEventStream(body, onEvent) {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  const flush = (block) => {
    let name = 'message';
    const data = [];
    for (const rawLine of block.split(/\r\n|\r|\n/)) {
      if (rawLine === '' || rawLine.startsWith(':')) continue;
      const colon = rawLine.indexOf(':');
      const field = colon === -1 ? rawLine : rawLine.slice(0, colon);
      let value = colon === -1 ? '' : rawLine.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) onEvent(name, data.join('\n'));
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let match;
    while ((match = /\r\n\r\n|\n\n|\r\r/.exec(buffer))) {
      const block = buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
      flush(block);
    }
  }
  buffer += decoder.decode();
  if (buffer.trim()) flush(buffer);
}

/**
 * Asks a question over POST /api/ask/stream. onToken(text) gets every streamed piece; resolves with the final
 * AskResult from the "done" event; rejects with an ApiError on an "error" event, a non-2xx answer or a
 * stream that ends early.
 */
export async function askStream({ question, conversationId, signal, onToken }) {
  const body = { question };
  if (conversationId) body.conversationId = conversationId;
  let response;
  try {
    response = await fetch('/api/ask/stream', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...csrfHeaders() },
      body: JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(NETWORK_MESSAGE, { code: 'network', network: true });
  }
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new CustomEvent('cited:signed-out'));
    throw await errorFrom(response);
  }

  const type = response.headers.get('Content-Type') || '';
  if (type.includes('application/json')) {
    // A server that answers in one piece is fine too.
    return response.json();
  }
  if (!response.body) throw new ApiError('The server sent no answer.', { code: 'empty' });

  let result = null;
  let failure = null;
  try {
    await readEventStream(response.body, (name, data) => {
      if (result || failure) return;
      let payload;
      try {
        payload = JSON.parse(data);
      } catch (_) {
        payload = null;
      }
      if (name === 'token') {
        if (payload && typeof payload.text === 'string') onToken(payload.text);
      } else if (name === 'done') {
        result = payload;
      } else if (name === 'error') {
        const err = (payload && payload.error) || {};
        failure = new ApiError(err.message || 'Something went wrong while answering.', { code: err.code || 'error' });
      }
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError('The connection dropped before the answer finished.', { code: 'network', network: true });
  }
  if (failure) throw failure;
  if (!result || typeof result.answer !== 'string') {
    throw new ApiError('The answer stream ended before the answer finished.', { code: 'incomplete' });
  }
  return result;
}
