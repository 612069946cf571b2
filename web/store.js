// Past chats, kept in this browser's localStorage.

const BASE_KEY = 'cited.chats.v1';
const MAX_CHATS = 50;
// Each signed-in user keeps their own list, so two people sharing a browser do not see each other's chats.
let KEY = BASE_KEY;

/** Whose chats are loaded and saved from now on (null: nobody signs in on this server). */
export function setChatOwner(user) {
  KEY = user ? `${BASE_KEY}:${user}` : BASE_KEY;
}

function storage() {
  try {
    return window.localStorage;
  } catch (_) {
    return null; // storage disabled: chats live for this page only
  }
}

export function loadChats() {
  const s = storage();
  if (!s) return [];
  try {
    const parsed = JSON.parse(s.getItem(KEY) || '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((c) => c && typeof c.id === 'string' && Array.isArray(c.turns));
  } catch (_) {
    return [];
  }
}

export function saveChats(chats) {
  const s = storage();
  if (!s) return;
  const kept = [...chats].sort((a, b) => (b.updatedAt || 0) - (a.updatedAt || 0)).slice(0, MAX_CHATS);
  try {
    s.setItem(KEY, JSON.stringify(kept));
  } catch (_) {
    // quota exceeded: keep going without persisting
  }
}

/** Conversations this user removed from the sidebar: not brought back from the server. */
export function loadForgotten() {
  const s = storage();
  try {
    const parsed = JSON.parse((s && s.getItem(`${KEY}:forgotten`)) || '[]');
    return new Set(Array.isArray(parsed) ? parsed : []);
  } catch (_) {
    return new Set();
  }
}

export function forget(conversationId) {
  const s = storage();
  if (!s || !conversationId) return;
  const forgotten = [...loadForgotten(), conversationId].slice(-500);
  try {
    s.setItem(`${KEY}:forgotten`, JSON.stringify(forgotten));
  } catch (_) {
    // quota exceeded: it may come back from the server
  }
}

export function newChatId() {
  const random = Math.random().toString(36).slice(2, 8);
  return `local-${Date.now().toString(36)}-${random}`;
}
