// Cited web chat. Plain ES modules, no build step. All data is rendered as text (textContent / text nodes).

import { ApiError, askStream, deleteJson, getJson, postFiles, postJson } from './api.js';
import { ICONS, clear, el, icon } from './dom.js';
import { forget, loadChats, loadForgotten, newChatId, saveChats, setChatOwner } from './store.js';
import { loadSession, needsSignIn, session } from './session.js';
import { renderAccount, showSignIn } from './signin.js';
import { renderMarkdown } from './markdown-view.js';
import { closePdf, showPdfPage } from './pdf-view.js';

/** Example questions, each offered only while the document it is about is served; the last suits any folder. */
const EXAMPLES = [
  { question: 'How many artillery shells has North Korea sent to Russia?', documentId: '004_c0a5f909db2a0263' },
  { question: 'What did Jens Stoltenberg say about North Korea?', documentId: '004_c0a5f909db2a0263' },
  { question: 'What did the EU and South Korea demand from North Korea?', documentId: '000_c82d24561d5ead93' },
  { question: 'Which country is Russia’s most significant military partner?', documentId: '004_c0a5f909db2a0263' },
  { question: 'What are the documents about?' },
];
const MAX_EXAMPLES = 4;

const $ = (id) => document.getElementById(id);
const ui = {
  app: $('app'),
  sidebar: $('sidebar'),
  scrim: $('scrim'),
  menuButton: $('menu-button'),
  sidebarClose: $('sidebar-close'),
  newChat: $('new-chat'),
  topbarNew: $('topbar-new'),
  topbarTitle: $('topbar-title'),
  viewChatLink: $('view-chat'),
  viewDocsLink: $('view-documents'),
  history: $('history'),
  historyEmpty: $('history-empty'),
  health: $('health'),
  chatView: $('chat-view'),
  docsView: $('documents-view'),
  docList: $('doc-list'),
  docSearch: $('doc-search'),
  docSummary: $('doc-summary'),
  docUnserved: $('doc-unserved'),
  docUnservedList: $('doc-unserved-list'),
  docNotice: $('doc-notice'),
  dropZone: $('drop-zone'),
  addFiles: $('add-files'),
  fileInput: $('file-input'),
  upload: $('upload'),
  ingest: $('ingest'),
  ingestTitle: $('ingest-title'),
  ingestBar: $('ingest-bar'),
  ingestDetail: $('ingest-detail'),
  ingestChip: $('ingest-chip'),
  ingestChipLabel: $('ingest-chip-label'),
  scroller: $('scroller'),
  announcer: $('announcer'),
  empty: $('empty-state'),
  examples: $('examples'),
  thread: $('thread'),
  composer: $('composer'),
  question: $('question'),
  send: $('send'),
  source: $('source'),
  sourceKicker: $('source-kicker'),
  sourceTitle: $('source-title'),
  sourceMeta: $('source-meta'),
  sourceBody: $('source-body'),
  sourceClose: $('source-close'),
  account: $('account'),
};

const state = {
  chats: [], // loaded once it is known whose they are (sign-in)
  chat: null, // the open chat: { id, conversationId, title, createdAt, updatedAt, turns: [{question, result, feedback}] }
  busy: false,
  controller: null,
  view: 'chat',
  documents: null, // list from GET /api/documents, once loaded
  documentsLoad: null, // the request for it while on its way, so two callers share one
  docCache: new Map(), // id -> Promise<{id,title,text}>
  sourceOpener: null, // element to return focus to when the source panel closes
  sourceRequest: 0,
  sourceDocument: null, // id of the document the source panel shows
  sourceView: 'text', // how a PDF source opens: 'text' (the extracted text) or 'page' (the page, drawn by pdf.js)
  pdfPage: null, // the page view on screen, to cancel when the panel moves on
  documentsRefresh: 0, // the latest refresh of the list, so an older answer arriving late is ignored
  documentsStale: false, // the collection changed while a delete was being confirmed: list again after
  confirming: null, // id of the document whose Delete waits for Yes or No
  uploading: false,
  ingest: null, // the last GET /api/ingest
  ingestTimer: 0,
  ingestCheck: 0,
};

// ---------------------------------------------------------------------------------------------------------------
// Chats

function freshChat() {
  const now = Date.now();
  return { id: newChatId(), conversationId: null, title: '', createdAt: now, updatedAt: now, turns: [] };
}

function persistChat(chat) {
  chat.updatedAt = Date.now();
  const others = state.chats.filter((c) => c.id !== chat.id);
  state.chats = [chat, ...others];
  saveChats(state.chats);
  renderHistory();
}

function startNewChat({ focus = true } = {}) {
  abortStreaming();
  state.chat = freshChat();
  clear(ui.thread);
  showView('chat');
  updateEmptyState();
  renderHistory();
  setTitle();
  closeSidebar();
  if (focus) ui.question.focus();
}

function openChat(id) {
  const chat = state.chats.find((c) => c.id === id);
  if (!chat) return;
  abortStreaming();
  state.chat = chat;
  clear(ui.thread);
  for (const turn of chat.turns) {
    const { article } = addTurn(turn.question);
    renderResult(article, turn.result, turn.question, turn);
  }
  showView('chat');
  updateEmptyState();
  renderHistory();
  setTitle();
  closeSidebar();
  scrollThreadToEnd();
  ui.question.focus();
}

function deleteChat(id) {
  const removed = state.chats.find((c) => c.id === id);
  if (removed) forget(removed.conversationId); // the server keeps it; this browser stops showing it
  state.chats = state.chats.filter((c) => c.id !== id);
  saveChats(state.chats);
  if (state.chat && state.chat.id === id) startNewChat({ focus: false });
  renderHistory();
  ui.newChat.focus();
}

function renderHistory() {
  clear(ui.history);
  const saved = state.chats.filter((c) => c.turns.length > 0);
  ui.historyEmpty.hidden = saved.length > 0;
  for (const chat of saved) {
    const current = state.chat && state.chat.id === chat.id;
    const open = el('button', {
      type: 'button',
      class: 'history-item',
      dataset: { chatId: chat.id, role: 'history-item' },
      title: chat.title || 'Untitled chat',
      'aria-current': current ? 'true' : null,
      on: { click: () => openChat(chat.id) },
    },
    el('span', { class: 'history-item-title' }, chat.title || 'Untitled chat'),
    el('span', { class: 'history-item-meta' }, describeTime(chat.updatedAt) + ' · ' + plural(chat.turns.length, 'question')));
    const remove = el('button', {
      type: 'button',
      class: 'icon-button history-delete',
      'aria-label': `Delete chat “${chat.title || 'Untitled chat'}”`,
      title: 'Delete chat',
      on: { click: () => deleteChat(chat.id) },
    }, icon(ICONS.trash));
    ui.history.append(el('li', { class: current ? 'history-row is-current' : 'history-row' }, open, remove));
  }
}

function setTitle() {
  if (state.view === 'documents') {
    ui.topbarTitle.textContent = 'Documents';
  } else {
    ui.topbarTitle.textContent = (state.chat && state.chat.title) || 'New chat';
  }
  document.title = state.chat && state.chat.title && state.view === 'chat' ? `${state.chat.title} · Cited` : 'Cited';
}

function updateEmptyState() {
  ui.empty.hidden = ui.thread.childElementCount > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Asking

function ask(question) {
  question = question.trim();
  if (!question || state.busy) return;
  if (!state.chat) state.chat = freshChat();
  showView('chat');
  const { article } = addTurn(question);
  updateEmptyState();
  scrollThreadToEnd();
  run(article, question);
}

async function run(article, question) {
  const chat = state.chat;
  setBusy(true);
  resetAnswer(article);
  announce('Searching the documents…');
  const controller = new AbortController();
  state.controller = controller;
  const text = article.querySelector('[data-role="answer-text"]');
  let streamed = '';
  try {
    const result = await askStream({
      question,
      conversationId: chat.conversationId,
      signal: controller.signal,
      onToken: (piece) => {
        if (!streamed) article.dataset.state = 'streaming';
        streamed += piece;
        renderStreamingText(text, streamed);
        keepPinnedToEnd();
      },
    });
    if (state.chat !== chat) return; // the user moved on
    const turn = { question, result, feedback: null };
    chat.conversationId = result.conversationId || chat.conversationId;
    if (!chat.title) chat.title = truncate(question, 80);
    chat.turns.push(turn);
    persistChat(chat);
    setTitle();
    renderResult(article, result, question, turn);
    keepPinnedToEnd();
    const count = Array.isArray(result.citations) ? result.citations.length : 0;
    const removed = Array.isArray(result.unsupported) && result.unsupported.length
      ? ` ${plural(result.unsupported.length, 'statement')} not supported by the sources.` : '';
    announce(result.grounded === false
      ? `The documents do not answer this question.${removed}`
      : `Answer ready, ${plural(count, 'source')}: ${result.answer.replace(/\[(\d+)\]/g, '')}${removed}`);
  } catch (e) {
    if (e && e.name === 'AbortError') {
      if (article.isConnected) renderError(article, question, new ApiError('Stopped.', { code: 'aborted' }));
    } else {
      renderError(article, question, e instanceof ApiError ? e : new ApiError(String((e && e.message) || e)));
    }
  } finally {
    if (state.controller === controller) {
      state.controller = null;
      setBusy(false);
    }
  }
}

function announce(message) {
  ui.announcer.textContent = '';
  // A fresh text node after a tick makes screen readers read it even when it repeats.
  setTimeout(() => { ui.announcer.textContent = message; }, 50);
}

function abortStreaming() {
  if (state.controller) {
    state.controller.abort();
    state.controller = null;
  }
  setBusy(false);
}

function setBusy(busy) {
  state.busy = busy;
  ui.send.disabled = false;
  ui.send.classList.toggle('is-stop', busy);
  ui.send.setAttribute('aria-label', busy ? 'Stop answering' : 'Send question');
  ui.send.dataset.state = busy ? 'busy' : 'idle';
  ui.composer.setAttribute('aria-busy', String(busy));
  clear(ui.send).append(el('span', { class: busy ? 'stop-icon' : 'send-icon', 'aria-hidden': 'true' }, busy ? '' : '↑'));
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering turns

function addTurn(question) {
  const q = el('div', { class: 'question', dataset: { role: 'question' } }, el('p', { class: 'question-text' }, question));
  const article = el('article', {
    class: 'answer',
    dataset: { role: 'answer', state: 'working' },
    'aria-busy': 'true',
    'aria-label': 'Answer',
  });
  const li = el('li', { class: 'turn' }, q, article);
  ui.thread.append(li);
  return { li, article };
}

function resetAnswer(article) {
  clear(article);
  article.dataset.state = 'working';
  article.setAttribute('aria-busy', 'true');
  const body = el('div', { class: 'answer-body' },
    el('p', { class: 'working', dataset: { role: 'working' } },
      el('span', { class: 'working-dots', 'aria-hidden': 'true' }, el('span'), el('span'), el('span')),
      el('span', { class: 'working-label' }, 'Searching the documents…')),
    el('div', { class: 'answer-text', dataset: { role: 'answer-text' } }));
  article.append(avatar(), body);
}

function avatar(kind = 'answer') {
  const symbol = kind === 'error' ? '!' : kind === 'abstain' ? '?' : '“';
  return el('div', { class: 'answer-avatar', 'aria-hidden': 'true' }, symbol);
}

function renderResult(article, result, question, turn) {
  clear(article);
  const grounded = result.grounded !== false;
  article.dataset.state = grounded ? 'answer' : 'abstain';
  article.dataset.turn = String(result.turn ?? '');
  article.dataset.grounded = String(grounded);
  const citations = Array.isArray(result.citations) ? result.citations : [];
  const body = el('div', { class: 'answer-body' });

  if (!grounded) {
    body.append(el('p', { class: 'answer-label', dataset: { role: 'abstention' } },
      icon(ICONS.search), 'Not found in the documents'));
  }

  const unsupported = Array.isArray(result.unsupported) ? result.unsupported : [];
  const flagged = unsupported.filter((u) => u.flagged);
  const text = el('div', { class: 'answer-text', dataset: { role: 'answer-text' } });
  renderAnswerText(text, result.answer || '', citations, flagged);
  body.append(text);
  if (unsupported.length) body.append(renderUnsupported(unsupported, flagged.length));

  if (result.searchQuery && differs(result.searchQuery, question)) {
    body.append(el('p', { class: 'search-query', dataset: { role: 'search-query' } },
      icon(ICONS.search), 'Searched for ', el('q', {}, result.searchQuery)));
  }

  if (citations.length) body.append(renderSources(citations));
  if (result.conversationId && result.turn) body.append(renderFeedback(result, turn));

  article.append(avatar(grounded ? 'answer' : 'abstain'), body);
  article.setAttribute('aria-busy', 'false');
}

function renderError(article, question, error) {
  clear(article);
  article.dataset.state = 'error';
  const retry = el('button', {
    type: 'button',
    class: 'button button-small',
    dataset: { role: 'retry' },
    on: {
      click: () => {
        if (state.busy) return;
        run(article, question);
      },
    },
  }, icon(ICONS.retry), 'Retry');
  const heading = error.code === 'aborted' ? 'Stopped' : error.network ? 'Connection problem' : 'Something went wrong';
  article.append(avatar('error'), el('div', { class: 'answer-body' },
    el('div', { class: 'error-box', role: 'alert', dataset: { role: 'error' } },
      el('p', { class: 'error-title' }, heading),
      el('p', { class: 'error-message' }, error.message),
      el('div', { class: 'error-actions' }, retry))));
  article.setAttribute('aria-busy', 'false');
}

/** What the server puts before a statement it kept unverified (`--grounding flag`). */
const FLAG = '⚠ ';

/**
 * Writes answer text, turning [n] markers that have a citation into buttons, and statements kept although
 * nothing supports them (flag mode) into marked, uncited text with the reason on hover.
 */
function renderAnswerText(container, answer, citations, flagged) {
  clear(container);
  const byMarker = new Map(citations.map((c) => [Number(c.marker), c]));
  const paragraphs = answer.split(/\n{2,}/);
  for (const paragraph of paragraphs) {
    const p = el('p');
    for (const piece of splitFlagged(paragraph, flagged)) {
      if (piece.flag) {
        p.append(el('mark', { class: 'unverified', dataset: { role: 'unverified' }, title: `Not verified: ${piece.flag.reason}` },
          el('span', { class: 'unverified-icon', 'aria-label': 'Not verified:' }, '⚠'), ' ', piece.flag.text));
        continue;
      }
      appendWithCitations(p, piece.text, byMarker);
    }
    container.append(p);
  }
}

/** The paragraph cut around the flagged statements it holds: [{text}] and [{flag}] pieces, in order. */
function splitFlagged(paragraph, flagged) {
  const pieces = [];
  let rest = paragraph;
  for (;;) {
    let first = null;
    let at = -1;
    for (const u of flagged) {
      const i = rest.indexOf(FLAG + u.text);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        first = u;
      }
    }
    if (!first) break;
    if (at > 0) pieces.push({ text: rest.slice(0, at) });
    pieces.push({ flag: first });
    rest = rest.slice(at + FLAG.length + first.text.length);
  }
  if (rest) pieces.push({ text: rest });
  return pieces;
}

function appendWithCitations(p, text, byMarker) {
  const pattern = /\[(\d+)\]/g;
  let last = 0;
  let match;
  while ((match = pattern.exec(text))) {
    const citation = byMarker.get(Number(match[1]));
    if (!citation) continue;
    if (match.index > last) p.append(document.createTextNode(text.slice(last, match.index)));
    p.append(citationButton(citation));
    last = match.index + match[0].length;
  }
  if (last < text.length) p.append(document.createTextNode(text.slice(last)));
}

/**
 * "1 statement removed: not supported by the sources", expandable to each statement and why. Statements
 * kept in the answer (flag mode; `kept` of them) are said to be unverified instead.
 */
function renderUnsupported(unsupported, kept) {
  const removed = unsupported.length - kept;
  const summary = removed > 0
    ? `${plural(removed, 'statement')} removed: not supported by the sources`
    : `${plural(kept, 'statement')} not verified: not supported by the sources`;
  const list = el('ul', { class: 'unsupported-list' });
  for (const u of unsupported) {
    list.append(el('li', { dataset: { role: 'unsupported-item' } },
      el('span', { class: 'unsupported-text' }, u.text),
      el('span', { class: 'unsupported-reason' }, u.reason)));
  }
  return el('details', { class: 'unsupported', dataset: { role: 'unsupported' } },
    el('summary', { dataset: { role: 'unsupported-summary' } }, summary), list);
}

/** While tokens arrive: plain text nodes, with provisional [n] markers shown as (not yet clickable) chips. */
function renderStreamingText(container, streamed) {
  clear(container);
  const pattern = /\[(\d+)\]/g;
  let last = 0;
  let match;
  while ((match = pattern.exec(streamed))) {
    if (match.index > last) container.append(document.createTextNode(streamed.slice(last, match.index)));
    container.append(el('span', { class: 'cite cite-pending', 'aria-hidden': 'true' }, match[1]));
    last = match.index + match[0].length;
  }
  if (last < streamed.length) container.append(document.createTextNode(streamed.slice(last)));
}

function citationButton(citation) {
  const label = `Source ${citation.marker}: ${citation.title || citation.documentId}`;
  return el('button', {
    type: 'button',
    class: 'cite',
    dataset: { citation: citation.marker, documentId: citation.documentId, start: citation.start, end: citation.end },
    title: `${citation.quote}\n— ${citation.title || citation.documentId}`,
    'aria-label': label,
    on: { click: (event) => openSource(citation, event.currentTarget, `Source ${citation.marker}`) },
  }, String(citation.marker));
}

function renderSources(citations) {
  const list = el('ol', { class: 'sources-list' });
  for (const c of citations) {
    list.append(el('li', {},
      el('button', {
        type: 'button',
        class: 'source-item',
        dataset: { role: 'source-item', marker: c.marker },
        on: { click: (event) => openSource(c, event.currentTarget, `Source ${c.marker}`) },
      },
      el('span', { class: 'source-item-marker', 'aria-hidden': 'true' }, String(c.marker)),
      el('span', { class: 'source-item-body' },
        el('span', { class: 'source-item-title' }, c.title || c.documentId),
        el('span', { class: 'source-item-quote' }, c.quote)))));
  }
  return el('section', { class: 'sources', dataset: { role: 'sources' }, 'aria-label': 'Sources' },
    el('h3', { class: 'sources-title' }, plural(citations.length, 'source')), list);
}

function renderFeedback(result, turn) {
  const status = el('span', { class: 'feedback-status', role: 'status', dataset: { role: 'feedback-status' } });
  const comment = el('textarea', {
    class: 'feedback-comment-input',
    name: 'comment',
    rows: '2',
    maxlength: '2000',
    placeholder: 'What was good or missing? (optional)',
  });
  const commentId = `comment-${result.conversationId}-${result.turn}`.replace(/[^A-Za-z0-9_-]/g, '_');
  comment.id = commentId;
  const commentForm = el('form', { class: 'feedback-form', dataset: { role: 'feedback-form' }, hidden: true },
    el('label', { class: 'feedback-form-label', for: commentId }, 'Add a comment'),
    comment,
    el('div', { class: 'feedback-form-actions' },
      el('button', { type: 'submit', class: 'button button-small', dataset: { role: 'feedback-send' } }, 'Send comment')));
  const buttons = {};
  const group = el('div', { class: 'feedback', role: 'group', 'aria-label': 'Rate this answer', dataset: { role: 'feedback' } },
    el('span', { class: 'feedback-prompt' }, 'Helpful?'));
  for (const [rating, label, iconPaths] of [['up', 'Helpful', ICONS.thumbUp], ['down', 'Not helpful', ICONS.thumbDown]]) {
    const button = el('button', {
      type: 'button',
      class: 'icon-button feedback-button',
      dataset: { role: `feedback-${rating}`, rating },
      'aria-label': label,
      title: label,
      'aria-pressed': turn && turn.feedback === rating ? 'true' : 'false',
      on: { click: () => send(rating) },
    }, icon(iconPaths));
    buttons[rating] = button;
    group.append(button);
  }
  group.append(status);
  if (turn && turn.feedback) status.textContent = 'Feedback recorded';

  let rating = turn ? turn.feedback : null;
  async function send(chosen, text) {
    rating = chosen;
    for (const [r, b] of Object.entries(buttons)) b.setAttribute('aria-pressed', String(r === chosen));
    status.textContent = 'Sending…';
    status.dataset.state = 'pending';
    const body = { conversationId: result.conversationId, turn: result.turn, rating: chosen };
    if (text) body.comment = text;
    try {
      await postJson('/api/feedback', body);
      status.textContent = text ? 'Comment recorded — thank you' : 'Feedback recorded — thank you';
      status.dataset.state = 'ok';
      if (turn) {
        turn.feedback = chosen;
        if (state.chat && state.chat.turns.includes(turn)) {
          saveChats(state.chats);
        }
      }
      if (!text) {
        commentForm.hidden = false;
      } else {
        commentForm.hidden = true;
        comment.value = '';
      }
    } catch (e) {
      status.textContent = `Could not record feedback: ${e.message}`;
      status.dataset.state = 'error';
    }
  }
  commentForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = comment.value.trim();
    if (!text || !rating) return;
    send(rating, text);
  });
  return el('div', { class: 'feedback-wrap' }, group, commentForm);
}

// ---------------------------------------------------------------------------------------------------------------
// Source panel

function loadDocument(id) {
  if (!state.docCache.has(id)) {
    const promise = getJson(`/api/documents/${encodeURIComponent(id)}`);
    promise.catch(() => state.docCache.delete(id));
    state.docCache.set(id, promise);
  }
  return state.docCache.get(id);
}

/**
 * Opens the source panel on a document. With a citation ({documentId, start, end, quote}) the quote is shown in a
 * <mark> and scrolled into view. Offsets are UTF-16 indices, the same as JavaScript string indices.
 */
async function openSource(target, opener, kicker = 'Document') {
  const request = ++state.sourceRequest;
  state.sourceOpener = opener || document.activeElement;
  state.sourceDocument = target.documentId;
  ui.source.hidden = false;
  ui.app.classList.add('has-source');
  ui.sourceKicker.textContent = kicker;
  ui.sourceTitle.textContent = target.title || target.documentId || 'Document';
  ui.sourceMeta.textContent = 'Loading…';
  clearSourceBody();
  ui.sourceBody.setAttribute('aria-busy', 'true');
  ui.source.focus({ preventScroll: true });
  let doc;
  try {
    doc = await loadDocument(target.documentId);
  } catch (e) {
    if (request !== state.sourceRequest) return;
    ui.sourceMeta.textContent = '';
    ui.sourceBody.append(el('div', { class: 'error-box', role: 'alert' },
      el('p', { class: 'error-title' }, 'Could not open the document'),
      el('p', { class: 'error-message' }, e.message)));
    ui.sourceBody.setAttribute('aria-busy', 'false');
    return;
  }
  if (request !== state.sourceRequest) return;
  const text = doc.text || '';
  ui.sourceTitle.textContent = doc.title || target.title || doc.id;
  ui.sourceBody.setAttribute('aria-busy', 'false');

  let range = null;
  const start = Number(target.start);
  const end = Number(target.end);
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length) {
    range = { start, end };
    if (typeof target.quote === 'string' && target.quote && text.slice(start, end) !== target.quote) {
      // Offsets disagree with the quote: fall back to finding the quote itself.
      const at = text.indexOf(target.quote);
      range = at >= 0 ? { start: at, end: at + target.quote.length } : range;
    }
  } else if (typeof target.quote === 'string' && target.quote) {
    const at = text.indexOf(target.quote);
    if (at >= 0) range = { start: at, end: at + target.quote.length };
  }

  const markdown = Array.isArray(doc.layout) && doc.layout.length > 0;
  const paragraphs = el('div', { class: markdown ? 'source-text source-markdown' : 'source-text', dataset: { role: 'source-document' } });
  const marks = markdown ? renderMarkdown(paragraphs, text, doc.layout, range) : renderDocumentText(paragraphs, text, range);
  const mark = marks.find((m) => !m.closest('[hidden]')) || marks[0] || null; // not one in a hidden separator
  // A citation names its page; a shared link (#doc=…&start=…) has only offsets, so look the page up.
  const page = range ? (Number.isInteger(target.page) && range.start === start ? target.page
    : pageAt(doc.pageStarts, range.start)) : null;
  clear(ui.sourceMeta);
  if (range) {
    ui.sourceMeta.append(...(page ? [el('span', { class: 'source-page', dataset: { role: 'source-page' } }, `Page ${page}`), ' · '] : []),
      `Quoted passage highlighted · characters ${range.start.toLocaleString()}–${range.end.toLocaleString()} of ${text.length.toLocaleString()}`);
    setHash({ doc: doc.id || target.documentId, start: range.start, end: range.end });
  } else {
    ui.sourceMeta.append(doc.pages ? `${plural(doc.pages, 'page')} · ` : '', `${text.length.toLocaleString()} characters`);
    setHash({ doc: doc.id || target.documentId });
  }
  if (doc.original) {
    ui.sourceMeta.append(' · ', el('a', {
      class: 'source-original',
      dataset: { role: 'source-original' },
      href: originalUrl(doc.id, page),
      target: '_blank',
      rel: 'noopener',
    }, page ? `Open the original at page ${page}` : `Open the original (${typeLabel(doc.type)})`));
  }
  const showText = () => {
    if (mark) {
      // Wait for layout (the panel may have just appeared), then bring the quote into view.
      requestAnimationFrame(() => mark.scrollIntoView({ block: 'center', inline: 'nearest' }));
    } else {
      ui.sourceBody.scrollTop = 0;
    }
  };
  if (isPdf(doc)) {
    const quote = range ? text.slice(range.start, range.end) : '';
    ui.sourceBody.append(sourceViewSwitch(paragraphs, { url: documentPath(doc.id), page: page || 1, citedPage: page, quote }, showText));
  } else {
    ui.sourceBody.append(paragraphs);
    showText();
  }
}

function isPdf(doc) {
  return doc.original && String(doc.type || '').includes('application/pdf');
}

/**
 * A PDF's two views, the extracted text (with the quote marked) and the page (drawn by pdf.js, the quote marked
 * on it), behind a Text / Page switch. The page view is built the first time it is asked for.
 */
function sourceViewSwitch(textView, pdf, showText) {
  const pageView = el('div', { class: 'source-page-view', hidden: true });
  const button = (view, label) => el('button', {
    type: 'button',
    class: 'source-switch-button',
    dataset: { role: `source-view-${view}` },
    'aria-pressed': String(state.sourceView === view),
    on: { click: () => choose(view) },
  }, label);
  const textButton = button('text', 'Text');
  const pageButton = button('page', 'Page');
  const bar = el('div', { class: 'source-switch', role: 'group', 'aria-label': 'Show the source as' }, textButton, pageButton);

  function choose(view) {
    state.sourceView = view;
    textButton.setAttribute('aria-pressed', String(view === 'text'));
    pageButton.setAttribute('aria-pressed', String(view === 'page'));
    textView.hidden = view !== 'text';
    pageView.hidden = view !== 'page';
    if (view === 'page' && !state.pdfPage) {
      state.pdfPage = showPdfPage(pageView, { url: `${pdf.url}/original`, page: pdf.page, citedPage: pdf.citedPage, quote: pdf.quote });
    }
    if (view === 'text') showText();
  }

  const wrap = el('div', { class: 'source-views' }, bar, textView, pageView);
  textView.hidden = state.sourceView !== 'text';
  pageView.hidden = state.sourceView !== 'page';
  // Once in the panel, so the page is drawn to the panel's width; not if the panel has moved on meanwhile.
  requestAnimationFrame(() => { if (wrap.isConnected) choose(state.sourceView); });
  return wrap;
}

/** Empties the source panel, stopping a page still being drawn. */
function clearSourceBody() {
  if (state.pdfPage) state.pdfPage.cancel();
  state.pdfPage = null;
  clear(ui.sourceBody);
}

/**
 * Writes a document as one block per line (so paragraphs get breathing room) using only text nodes. The range, if
 * any, is wrapped in <mark>: text before, the quote, text after. A quote that crosses a line break gets one <mark>
 * per line; their text joined is exactly the quote. The container's textContent is exactly the document text.
 */
function renderDocumentText(container, text, range) {
  const marks = [];
  let at = 0;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline === -1 ? text.length : newline + 1; // the line keeps its newline
    const block = el('span', { class: 'source-para' });
    if (range && range.start < lineEnd && range.end > at) {
      const s = Math.max(range.start, at);
      const e = Math.min(range.end, lineEnd);
      if (s > at) block.append(document.createTextNode(text.slice(at, s)));
      const mark = el('mark', { class: 'source-mark', dataset: { role: 'highlight' } }, text.slice(s, e));
      marks.push(mark);
      block.append(mark);
      if (lineEnd > e) block.append(document.createTextNode(text.slice(e, lineEnd)));
    } else {
      block.append(document.createTextNode(text.slice(at, lineEnd)));
    }
    container.append(block);
    at = lineEnd;
  }
  return marks;
}

/** Elements whose click opens the source panel on something. */
const SOURCE_OPENERS = '[data-citation], [data-role="source-item"], [data-role="document-item"]';

function closeSource() {
  state.sourceRequest++;
  state.sourceDocument = null;
  ui.source.hidden = true;
  ui.app.classList.remove('has-source');
  clearSourceBody();
  closePdf();
  setHash(null);
  const opener = state.sourceOpener;
  state.sourceOpener = null;
  if (opener && opener.isConnected) opener.focus();
}

function setHash(params) {
  const base = location.pathname + location.search;
  if (!params) {
    if (location.hash) history.replaceState(null, '', base);
    return;
  }
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) search.set(k, String(v));
  history.replaceState(null, '', `${base}#${search.toString()}`);
}

/** Links like /#doc=ID&start=S&end=E (from Slack) open the document with that range highlighted. */
function openFromHash() {
  const hash = location.hash.replace(/^#/, '');
  if (!hash) return;
  const params = new URLSearchParams(hash);
  const id = params.get('doc');
  if (params.has('documents') || hash === 'documents') showView('documents');
  if (!id) return;
  const start = params.has('start') ? Number(params.get('start')) : undefined;
  const end = params.has('end') ? Number(params.get('end')) : undefined;
  showView('documents');
  openSource({ documentId: id, start, end }, null, start !== undefined ? 'Linked passage' : 'Document');
}

// ---------------------------------------------------------------------------------------------------------------
// Documents view

function showView(view) {
  state.view = view;
  ui.chatView.hidden = view !== 'chat';
  ui.docsView.hidden = view !== 'documents';
  ui.viewChatLink.setAttribute('aria-current', view === 'chat' ? 'page' : 'false');
  ui.viewDocsLink.setAttribute('aria-current', view === 'documents' ? 'page' : 'false');
  ui.topbarNew.hidden = false;
  setTitle();
  if (view === 'documents') {
    loadDocuments();
  } else if (state.confirming) {
    state.confirming = null; // a delete left unanswered is dropped, and the list may catch up
    renderDocuments();
    if (state.documentsStale) refreshDocuments();
  }
}

/** Loads the document list once; a call while it is on its way waits for the same request. */
function loadDocuments() {
  if (state.documents) return Promise.resolve();
  state.documentsLoad ||= fetchDocuments().finally(() => { state.documentsLoad = null; });
  return state.documentsLoad;
}

async function fetchDocuments() {
  clear(ui.docList).append(el('li', { class: 'doc-loading' }, 'Loading documents…'));
  try {
    const docs = await getJson('/api/documents');
    state.documents = Array.isArray(docs) ? docs : [];
    renderDocuments();
    renderExamples();
    loadUnservedFiles();
  } catch (e) {
    clear(ui.docList).append(el('li', {}, el('div', { class: 'error-box', role: 'alert', dataset: { role: 'error' } },
      el('p', { class: 'error-title' }, 'Could not load the documents'),
      el('p', { class: 'error-message' }, e.message),
      el('div', { class: 'error-actions' }, el('button', {
        type: 'button',
        class: 'button button-small',
        dataset: { role: 'retry' },
        on: { click: () => loadDocuments() },
      }, icon(ICONS.retry), 'Retry')))));
  }
}

/** The 1-based page of a character offset, given where each page starts; null without pages. */
function pageAt(pageStarts, offset) {
  if (!Array.isArray(pageStarts) || !pageStarts.length) return null;
  let page = 1;
  for (let i = 0; i < pageStarts.length; i++) if (pageStarts[i] <= offset) page = i + 1;
  return page;
}

/** /api/documents/{id}: ids may hold "/", kept as path separators. */
function documentPath(id) {
  return `/api/documents/${String(id).split('/').map(encodeURIComponent).join('/')}`;
}

/** /api/documents/{id}/original, at a page when there is one (a PDF viewer opens #page=N). */
function originalUrl(id, page) {
  return `${documentPath(id)}/original${page ? `#page=${page}` : ''}`;
}

const TYPE_LABELS = [
  ['application/pdf', 'PDF'], ['text/markdown', 'Markdown'], ['text/plain', 'Text'], ['text/html', 'HTML'],
  ['application/xhtml+xml', 'HTML'], ['wordprocessingml', 'Word'], ['application/msword', 'Word'],
  ['presentationml', 'PowerPoint'], ['ms-powerpoint', 'PowerPoint'], ['spreadsheetml', 'Excel'],
  ['ms-excel', 'Excel'], ['opendocument.text', 'OpenDocument text'], ['opendocument.spreadsheet', 'OpenDocument sheet'],
  ['opendocument.presentation', 'OpenDocument slides'], ['application/rtf', 'RTF'], ['epub', 'EPUB'],
  ['message/rfc822', 'E-mail'],
];

/** "PDF", "Word", "Markdown" for a media type. */
function typeLabel(type) {
  const t = String(type || '');
  const found = TYPE_LABELS.find(([part]) => t.includes(part));
  return found ? found[1] : (t || 'File');
}

function describeSize(bytes) {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

function documentMeta(doc) {
  return [typeLabel(doc.type), doc.pages ? plural(doc.pages, 'page') : null,
    doc.passages != null ? plural(doc.passages, 'passage') : null, describeSize(doc.size), doc.id]
    .filter(Boolean).join(' · ');
}

/** The files the folder holds that are not served (skipped or failed), each with its reason. */
async function loadUnservedFiles() {
  let list;
  try {
    list = await getJson('/api/files');
  } catch (e) {
    return; // the documents themselves are listed; this is extra
  }
  const unserved = (list.files || []).filter((f) => f.status !== 'indexed');
  clear(ui.docUnservedList);
  ui.docUnserved.hidden = unserved.length === 0;
  for (const f of unserved) {
    ui.docUnservedList.append(el('li', { dataset: { role: 'unserved-file', status: f.status } },
      el('span', { class: 'doc-unserved-path' }, f.path),
      el('span', { class: `doc-unserved-status status-${f.status}` }, f.status),
      el('span', { class: 'doc-unserved-reason' }, f.reason || '')));
  }
}

function renderDocuments() {
  const focused = focusedControl(ui.docList);
  clear(ui.docList);
  if (!state.documents.length) {
    ui.docList.append(el('li', { class: 'doc-loading' }, 'No documents yet: add files above, or copy them into the documents folder.'));
    ui.docSummary.textContent = '';
    return;
  }
  const query = normalize(ui.docSearch.value || '');
  const shown = state.documents.filter((doc) => !query
    || normalize(`${doc.title || ''} ${doc.id} ${typeLabel(doc.type)}`).includes(query));
  ui.docSummary.textContent = query
    ? `${shown.length} of ${plural(state.documents.length, 'document')}`
    : plural(state.documents.length, 'document');
  if (!shown.length) {
    ui.docList.append(el('li', { class: 'doc-loading', dataset: { role: 'no-match' } }, 'No document matches.'));
  }
  for (const doc of shown) ui.docList.append(documentRow(doc));
  if (focused) focusControl(focused.role, focused.documentId);
}

/** One document: a card that opens it, and Delete (or, once pressed, "Delete this document?" Delete / Cancel). */
function documentRow(doc) {
  const confirming = state.confirming === doc.id;
  return el('li', { class: confirming ? 'doc-row is-confirming' : 'doc-row', dataset: { role: 'document-row', documentId: doc.id } },
    el('button', {
      type: 'button',
      class: 'doc-card',
      dataset: { role: 'document-item', documentId: doc.id },
      on: { click: (event) => openSource({ documentId: doc.id, title: doc.title }, event.currentTarget, 'Document') },
    },
    el('span', { class: 'doc-card-icon', 'aria-hidden': 'true' }, icon(ICONS.doc)),
    el('span', { class: 'doc-card-body' },
      el('span', { class: 'doc-card-title' }, doc.title || doc.id),
      el('span', { class: 'doc-card-meta', dataset: { role: 'document-meta' } }, documentMeta(doc))),
    el('span', { class: 'doc-card-arrow', 'aria-hidden': 'true' }, icon(ICONS.arrow))),
    confirming ? deleteConfirm(doc) : el('button', {
      type: 'button',
      class: 'icon-button doc-delete',
      dataset: { role: 'document-delete', documentId: doc.id },
      'aria-label': `Delete “${doc.title || doc.id}”`,
      title: 'Delete',
      on: { click: () => askDelete(doc.id) },
    }, icon(ICONS.trash)));
}

function deleteConfirm(doc) {
  const title = doc.title || doc.id;
  return el('div', {
    class: 'doc-confirm',
    role: 'group',
    'aria-label': `Delete “${title}”?`,
    dataset: { role: 'delete-confirm', documentId: doc.id },
    on: {
      keydown: (event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        cancelDelete();
      },
    },
  },
  el('span', { class: 'doc-confirm-text', dataset: { role: 'delete-question' } }, 'Delete this document?'),
  el('button', {
    type: 'button',
    class: 'button button-small button-danger',
    dataset: { role: 'delete-yes', documentId: doc.id },
    on: { click: () => confirmDelete(doc) },
  }, 'Delete'),
  el('button', {
    type: 'button',
    class: 'button button-small',
    dataset: { role: 'delete-no', documentId: doc.id },
    on: { click: cancelDelete },
  }, 'Cancel'));
}

/** The control in the list that has focus, by role and document, so it can get focus back after a re-render. */
function focusedControl(container) {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !container.contains(active) || !active.dataset.role) return null;
  return { role: active.dataset.role, documentId: active.dataset.documentId };
}

function focusControl(role, documentId) {
  const selector = `[data-role="${role}"]` + (documentId ? `[data-document-id="${CSS.escape(documentId)}"]` : '');
  const target = ui.docList.querySelector(selector);
  if (target) target.focus();
  return Boolean(target);
}

// ---------------------------------------------------------------------------------------------------------------
// Changing the collection: refreshing the list, deleting, uploading

/**
 * Lists the documents again (after an upload, a delete, or a change the progress shows) and redraws only when
 * something changed, so focus and scrolling stay put. While a delete waits for confirmation it waits too.
 */
async function refreshDocuments() {
  if (state.confirming) {
    state.documentsStale = true;
    return;
  }
  state.documentsStale = false;
  const request = ++state.documentsRefresh;
  let docs;
  try {
    docs = await getJson('/api/documents');
  } catch (_) {
    return; // the list shown stays; the next change tries again
  }
  if (request !== state.documentsRefresh) return;
  if (state.confirming) {
    state.documentsStale = true;
    return;
  }
  const list = Array.isArray(docs) ? docs : [];
  if (JSON.stringify(list) !== JSON.stringify(state.documents)) {
    state.documents = list;
    state.docCache.clear(); // a replaced file keeps its id with new text
    renderDocuments();
    renderExamples();
  }
  loadUnservedFiles();
  loadHealth();
}

function askDelete(id) {
  state.confirming = id;
  clearNotice();
  renderDocuments();
  focusControl('delete-no', id);
}

function cancelDelete() {
  const id = state.confirming;
  state.confirming = null;
  renderDocuments();
  focusControl('document-delete', id);
  if (state.documentsStale) refreshDocuments();
}

async function confirmDelete(doc) {
  const title = doc.title || doc.id;
  const row = ui.docList.querySelector(`[data-role="document-row"][data-document-id="${CSS.escape(doc.id)}"]`);
  const place = row ? [...ui.docList.children].indexOf(row) : 0;
  if (row) {
    row.setAttribute('aria-busy', 'true');
    for (const button of row.querySelectorAll('.doc-confirm button')) button.disabled = true;
    const question = row.querySelector('[data-role="delete-question"]');
    if (question) question.textContent = 'Deleting…';
  }
  let gone = false;
  try {
    await deleteJson(documentPath(doc.id));
    gone = true;
    showNotice('ok', `Deleted “${title}”.`,
      'Its file was moved to the hidden .cited-deleted folder inside the documents folder, so it can be put back.');
  } catch (e) {
    gone = e instanceof ApiError && e.status === 404;
    showNotice('error', gone ? `“${title}” was already removed` : `Could not delete “${title}”`,
      gone ? `${e.message}. The list is up to date now.` : e.message);
  }
  state.confirming = null;
  if (gone) {
    state.documents = state.documents.filter((d) => d.id !== doc.id);
    state.docCache.delete(doc.id);
    if (state.sourceDocument === doc.id && !ui.source.hidden) closeSource();
  }
  renderDocuments();
  if (!gone || !focusNear(place)) focusControl('document-delete', doc.id) || ui.addFiles.focus();
  refreshDocuments();
  pollIngest(0);
}

/** After a row went away: focus the card now at its place (or the one before), else nothing to focus there. */
function focusNear(place) {
  const cards = ui.docList.querySelectorAll('[data-role="document-item"]');
  const card = cards[Math.min(place, cards.length - 1)];
  if (card) card.focus();
  return Boolean(card);
}

/** A line above the list on what just happened to the collection: 'ok' or 'error' (read out as an alert). */
function showNotice(kind, title, message) {
  const dismiss = el('button', {
    type: 'button',
    class: 'icon-button notice-dismiss',
    'aria-label': 'Dismiss',
    title: 'Dismiss',
    on: { click: () => { clearNotice(); ui.addFiles.focus(); } },
  }, el('span', { 'aria-hidden': 'true' }, '×'));
  const box = kind === 'error'
    ? el('div', { class: 'error-box notice', role: 'alert', dataset: { role: 'notice', kind } },
      el('div', { class: 'notice-body' }, el('p', { class: 'error-title' }, title), el('p', { class: 'error-message' }, message)),
      dismiss)
    : el('div', { class: 'notice notice-ok', dataset: { role: 'notice', kind } },
      el('span', { class: 'notice-icon', 'aria-hidden': 'true' }, icon(ICONS.check)),
      el('div', { class: 'notice-body' }, el('p', { class: 'notice-title' }, title), el('p', { class: 'notice-message' }, message)),
      dismiss);
  clear(ui.docNotice).append(box);
}

function clearNotice() {
  clear(ui.docNotice);
}

/** Short titles for the upload errors the server names; its message says the rest. */
const UPLOAD_ERRORS = {
  too_large: 'Too large to add',
  unsupported_type: 'Not a type of file Cited reads',
  unsupported_media_type: 'The files were not sent as files',
  bad_request: 'These files cannot be added',
  forbidden: 'Not allowed from this computer',
  network: 'Connection problem',
};

/** What became of an uploaded file, in a word. */
const UPLOAD_STATUS = { indexed: 'Added', skipped: 'Skipped', failed: 'Failed' };

async function uploadFiles(fileList) {
  const files = Array.from(fileList || []);
  if (!files.length || state.uploading) return;
  setUploading(true);
  clearNotice();
  renderUploading(files.length);
  pollIngest(0);
  try {
    const result = await postFiles('/api/documents', files);
    renderUploadResults(Array.isArray(result && result.files) ? result.files : []);
  } catch (e) {
    renderUploadError(e instanceof ApiError ? e : new ApiError(String((e && e.message) || e)));
  } finally {
    setUploading(false);
    refreshDocuments();
    pollIngest(0);
  }
}

function setUploading(uploading) {
  state.uploading = uploading;
  ui.dropZone.dataset.state = uploading ? 'uploading' : 'idle';
  ui.addFiles.setAttribute('aria-disabled', String(uploading));
  ui.upload.setAttribute('aria-busy', String(uploading));
}

function renderUploading(count) {
  ui.upload.hidden = false;
  ui.upload.dataset.state = 'uploading';
  clear(ui.upload).append(el('p', { class: 'working upload-working', dataset: { role: 'upload-summary' } },
    el('span', { class: 'working-dots', 'aria-hidden': 'true' }, el('span'), el('span'), el('span')),
    `Uploading ${plural(count, 'file')}…`));
}

function renderUploadResults(files) {
  const added = files.filter((f) => f.status === 'indexed').length;
  const summary = added === files.length ? `${plural(added, 'file')} added`
    : added === 0 ? (files.length === 1 ? 'The file was not added' : 'None of the files was added')
      : `${added} of ${plural(files.length, 'file')} added`;
  const list = el('ul', { class: 'upload-results', dataset: { role: 'upload-results' } });
  for (const f of files) list.append(uploadResult(f));
  ui.upload.dataset.state = added === files.length ? 'done' : 'partly';
  clear(ui.upload).append(uploadHead(summary), list);
}

function uploadResult(f) {
  const status = UPLOAD_STATUS[f.status] || f.status;
  const detail = f.status === 'indexed'
    ? el('span', { class: 'upload-reason' }, `Cited answers from it now, as “${f.title || f.documentId}”. `,
      el('button', {
        type: 'button',
        class: 'link-button',
        dataset: { role: 'upload-open', documentId: f.documentId },
        on: { click: (event) => openSource({ documentId: f.documentId, title: f.title }, event.currentTarget, 'Document') },
      }, 'Open it'))
    : el('span', { class: 'upload-reason' }, `${sentence(f.reason || 'it could not be read')} The file was not kept.`);
  return el('li', { class: 'upload-result', dataset: { role: 'upload-result', status: f.status, name: f.name } },
    el('span', { class: 'upload-name' }, f.name),
    el('span', { class: `upload-status status-${f.status}` }, status),
    detail);
}

function renderUploadError(error) {
  ui.upload.dataset.state = 'error';
  const refused = error.status >= 400 && error.status < 500;
  clear(ui.upload).append(el('div', { class: 'error-box', role: 'alert', dataset: { role: 'upload-error', code: error.code } },
    el('p', { class: 'error-title' }, UPLOAD_ERRORS[error.code] || 'Could not add the files'),
    el('p', { class: 'error-message' }, refused ? `${sentence(error.message)} Nothing was added.` : sentence(error.message)),
    el('div', { class: 'error-actions' }, el('button', {
      type: 'button',
      class: 'button button-small',
      dataset: { role: 'upload-dismiss' },
      on: { click: dismissUpload },
    }, 'Dismiss'))));
}

function uploadHead(summary) {
  return el('div', { class: 'upload-head' },
    el('p', { class: 'upload-summary', dataset: { role: 'upload-summary' } }, summary),
    el('button', {
      type: 'button',
      class: 'icon-button',
      dataset: { role: 'upload-dismiss' },
      'aria-label': 'Dismiss the upload results',
      title: 'Dismiss',
      on: { click: dismissUpload },
    }, el('span', { 'aria-hidden': 'true' }, '×')));
}

function dismissUpload() {
  clear(ui.upload);
  ui.upload.hidden = true;
  ui.addFiles.focus();
}

/** "could not be parsed: …" as a sentence: capital first, full stop last. */
function sentence(text) {
  const t = String(text || '').trim();
  if (!t) return '';
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

/** Drag files over the Documents view: it lights up; drop: they are uploaded. Elsewhere a drop opens nothing. */
function wireDropZone() {
  let depth = 0; // dragenter/dragleave fire for every child crossed
  const hasFiles = (event) => Boolean(event.dataTransfer) && Array.from(event.dataTransfer.types || []).includes('Files');
  const setDragging = (on) => ui.docsView.classList.toggle('is-dragover', on);
  ui.docsView.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth++;
    setDragging(true);
  });
  ui.docsView.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = state.uploading ? 'none' : 'copy';
  });
  ui.docsView.addEventListener('dragleave', (event) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (!depth) setDragging(false);
  });
  ui.docsView.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.stopPropagation();
    depth = 0;
    setDragging(false);
    uploadFiles(event.dataTransfer.files);
  });
  // Outside the view a dropped file would replace the app with the file: refuse the drop there.
  window.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'none';
  });
  window.addEventListener('drop', (event) => {
    if (hasFiles(event)) event.preventDefault();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Indexing progress: GET /api/ingest, every second while something is on its way, every 10 s when idle (not at
// all while the page is hidden and idle). A change it shows (files added, changed or removed in the folder)
// lists the documents again.

const POLL_BUSY_MS = 1000;
const POLL_IDLE_MS = 10000;

function pollIngest(delay) {
  clearTimeout(state.ingestTimer);
  state.ingestTimer = setTimeout(checkIngest, delay);
}

async function checkIngest() {
  const check = ++state.ingestCheck;
  let progress = null;
  try {
    progress = await getJson('/api/ingest');
  } catch (_) {
    // unreachable: the status line says so; try again at the idle pace
  }
  if (check !== state.ingestCheck) return; // a newer check is on its way and will schedule the next
  if (progress && progress.files && progress.passages) {
    const before = state.ingest;
    state.ingest = progress;
    renderIngest(progress);
    if (before && collectionChanged(before, progress)) refreshDocuments();
  }
  const busy = state.uploading || (progress && progress.state !== 'ready');
  if (busy) pollIngest(POLL_BUSY_MS);
  else if (!document.hidden) pollIngest(POLL_IDLE_MS);
}

/** Whether the documents may differ between two progress reports. */
function collectionChanged(before, after) {
  const key = (p) => [p.files.found, p.files.indexed, p.files.skipped, p.files.failed, p.passages.total].join('/');
  const reading = (p) => p.state === 'reading' || p.state === 'indexing';
  return key(before) !== key(after) || (reading(before) && !reading(after));
}

function renderIngest(progress) {
  const shown = describeIngest(progress);
  ui.ingest.hidden = false;
  ui.ingest.dataset.state = progress.state;
  if (ui.ingestTitle.textContent !== shown.title) ui.ingestTitle.textContent = shown.title; // read out on change only
  ui.ingestDetail.textContent = shown.detail;
  ui.ingestBar.hidden = !shown.bar;
  if (shown.bar && shown.bar.max > 0) {
    ui.ingestBar.max = shown.bar.max;
    ui.ingestBar.value = Math.min(shown.bar.value, shown.bar.max);
  } else {
    ui.ingestBar.removeAttribute('value'); // indeterminate
  }
  const busy = progress.state !== 'ready';
  ui.ingestChip.hidden = !busy;
  ui.ingestChip.dataset.state = progress.state;
  ui.ingestChipLabel.textContent = shown.chip;
  ui.ingestChip.title = `${shown.title}: ${shown.detail}`;
}

/** The words and numbers for a progress report: title, detail line, bar {value, max} (none when done), chip. */
function describeIngest(p) {
  const { found, read, indexed, skipped, failed } = p.files;
  const { total, embedded } = p.passages;
  const n = (x) => Number(x || 0).toLocaleString();
  const files = `${n(indexed)} of ${n(found)} ${found === 1 ? 'file' : 'files'} indexed`;
  if (p.state === 'reading') {
    return { title: 'Reading files…', detail: `${n(read)} of ${n(found)} ${found === 1 ? 'file' : 'files'} read`,
      bar: { value: read, max: found }, chip: `Reading ${n(read)}/${n(found)}` };
  }
  if (p.state === 'indexing') {
    return { title: 'Indexing…', detail: `${n(read)} of ${n(found)} files read · writing their passages to the index`,
      bar: { value: 0, max: 0 }, chip: 'Indexing…' };
  }
  if (p.state === 'embedding') {
    const percent = total ? Math.floor((embedded / total) * 100) : 0;
    const rate = p.perSecond ? ` · ${n(Math.round(p.perSecond))} a second` : '';
    const left = p.secondsLeft != null ? ` · about ${describeDuration(p.secondsLeft)} left` : ' · working out the time left';
    return {
      title: 'Searchable by keyword now; preparing search by meaning',
      detail: `${files} · ${n(embedded)} of ${n(total)} passages embedded (${percent}%)${rate}${left}`,
      bar: { value: embedded, max: total },
      chip: `Indexing ${percent}%`,
    };
  }
  const notServed = skipped + failed;
  const title = indexed === 0 ? 'No documents yet' : indexed === 1 ? 'The document is ready' : `All ${n(indexed)} documents ready`;
  const search = p.vectors ? 'searched by keyword and meaning' : 'searched by keyword';
  const detail = `${n(total)} ${total === 1 ? 'passage' : 'passages'}, ${search}`
    + (notServed ? ` · ${plural(notServed, 'file')} not served (listed below)` : '');
  return { title, detail, bar: null, chip: '' };
}

function describeDuration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

// ---------------------------------------------------------------------------------------------------------------
// Layout helpers

function openSidebar() {
  ui.app.classList.add('sidebar-open');
  ui.scrim.hidden = false;
  ui.menuButton.setAttribute('aria-expanded', 'true');
  ui.newChat.focus();
}

function closeSidebar() {
  if (!ui.app.classList.contains('sidebar-open')) return;
  ui.app.classList.remove('sidebar-open');
  ui.scrim.hidden = true;
  ui.menuButton.setAttribute('aria-expanded', 'false');
}

function nearEnd() {
  const s = ui.scroller;
  return s.scrollHeight - s.scrollTop - s.clientHeight < 120;
}

let pinned = true;
function keepPinnedToEnd() {
  if (pinned) ui.scroller.scrollTop = ui.scroller.scrollHeight;
}

function scrollThreadToEnd() {
  pinned = true;
  ui.scroller.scrollTop = ui.scroller.scrollHeight;
}

function autosize() {
  const q = ui.question;
  q.style.height = 'auto';
  q.style.height = Math.min(q.scrollHeight, 200) + 'px';
}

// ---------------------------------------------------------------------------------------------------------------
// Small utilities

function truncate(text, max) {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? oneLine.slice(0, max - 1).trimEnd() + '…' : oneLine;
}

function normalize(text) {
  return String(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function differs(a, b) {
  return normalize(a) !== normalize(b);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeTime(ms) {
  if (!ms) return '';
  const diff = Date.now() - ms;
  if (diff < 60_000) return 'Just now';
  if (diff < 3_600_000) return `${Math.floor(diff / 60_000)} min ago`;
  const date = new Date(ms);
  const today = new Date();
  if (date.toDateString() === today.toDateString()) {
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }
  return date.toLocaleDateString([], { month: 'short', day: 'numeric' });
}

async function loadHealth() {
  try {
    const health = await getJson('/health');
    const parts = [];
    if (typeof health.documents === 'number') parts.push(plural(health.documents, 'document'));
    if (health.model) parts.push(`${health.model} model`);
    ui.health.textContent = parts.join(' · ');
    ui.health.dataset.state = 'ok';
  } catch (_) {
    ui.health.textContent = 'Server unreachable';
    ui.health.dataset.state = 'error';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Wiring

/** The examples that fit the documents served (before they are known: only the one that fits any folder). */
function renderExamples() {
  const served = new Set((state.documents || []).map((d) => d.id));
  const fitting = EXAMPLES.filter((e) => !e.documentId || served.has(e.documentId)).slice(0, MAX_EXAMPLES);
  clear(ui.examples);
  for (const { question } of fitting) {
    ui.examples.append(el('li', {}, el('button', {
      type: 'button',
      class: 'example',
      dataset: { role: 'example' },
      on: { click: () => ask(question) },
    }, question)));
  }
}

function wire() {
  renderExamples();

  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    if (state.busy) {
      abortStreaming();
      return;
    }
    const question = ui.question.value;
    if (!question.trim()) {
      ui.question.focus();
      return;
    }
    ui.question.value = '';
    autosize();
    ask(question);
  });

  ui.question.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (!state.busy) ui.composer.requestSubmit();
    }
  });
  ui.question.addEventListener('input', autosize);
  ui.docSearch.addEventListener('input', () => { if (state.documents) renderDocuments(); });
  ui.addFiles.addEventListener('click', () => {
    if (!state.uploading) ui.fileInput.click();
  });
  ui.fileInput.addEventListener('change', () => {
    uploadFiles(ui.fileInput.files); // copies the list before it is emptied
    ui.fileInput.value = '';
  });
  wireDropZone();
  ui.ingestChip.addEventListener('click', () => {
    showView('documents');
    closeSidebar();
    ui.ingest.focus();
  });
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) pollIngest(0);
  });

  ui.scroller.addEventListener('scroll', () => {
    pinned = nearEnd();
  }, { passive: true });

  ui.newChat.addEventListener('click', () => startNewChat());
  ui.topbarNew.addEventListener('click', () => startNewChat());
  ui.viewChatLink.addEventListener('click', () => {
    showView('chat');
    closeSidebar();
    ui.question.focus();
  });
  ui.viewDocsLink.addEventListener('click', () => {
    showView('documents');
    closeSidebar();
  });
  ui.menuButton.addEventListener('click', openSidebar);
  ui.sidebarClose.addEventListener('click', () => {
    closeSidebar();
    ui.menuButton.focus();
  });
  ui.scrim.addEventListener('click', closeSidebar);
  ui.sourceClose.addEventListener('click', closeSource);
  // Where the panel overlays the chat, a click beside it closes it (one that opens another source switches it).
  const overlaid = window.matchMedia('(max-width: 1180px)');
  document.addEventListener('click', (event) => {
    if (ui.source.hidden || !overlaid.matches || !(event.target instanceof Element)) return;
    if (ui.source.contains(event.target) || event.target.closest(SOURCE_OPENERS)) return;
    closeSource();
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (!ui.source.hidden) {
      closeSource();
    } else if (ui.app.classList.contains('sidebar-open')) {
      closeSidebar();
      ui.menuButton.focus();
    }
  });
  window.addEventListener('hashchange', openFromHash);
  window.addEventListener('storage', (event) => {
    if (event.key && event.key.startsWith('cited.chats')) {
      state.chats = loadChats();
      renderHistory();
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Start: sign in first when the server asks who you are

/** Opens the page for whoever is signed in (or the local user): their chats, the documents, the progress. */
function start() {
  setChatOwner(session().auth === 'keys' ? session().user : null); // one local user keeps the old list
  state.chats = loadChats();
  state.chat = freshChat();
  clear(ui.thread);
  setBusy(false);
  renderHistory();
  updateEmptyState();
  setTitle();
  renderAccount(ui.account, () => signedOut(''));
  loadHealth();
  loadDocuments(); // also picks the example questions that fit this folder
  pollIngest(0);
  openFromHash();
  restoreServerChats();
  document.documentElement.dataset.ready = 'true';
}

/** Back to the sign-in screen: this user's chats leave the page (they stay in their own storage). */
function signedOut(reason) {
  if (document.getElementById('signin')) return;
  abortStreaming();
  clearTimeout(state.ingestTimer);
  state.chats = [];
  state.chat = freshChat();
  clear(ui.thread);
  renderHistory();
  updateEmptyState();
  setTitle();
  renderAccount(ui.account, () => {});
  showSignIn(start, reason);
}

/**
 * Adds the chats the server keeps for you that this browser does not have (asked elsewhere, or before this
 * browser's storage was cleared): the server is where a conversation lives, this browser only remembers it.
 */
async function restoreServerChats() {
  // Only for a signed-in user, whose chats follow them; one local user has them in this browser already.
  if (session().auth !== 'keys') return;
  let listed;
  try {
    listed = await getJson('/api/conversations');
  } catch (_) {
    return; // an older server, or unreachable: the local chats are all there is
  }
  const known = new Set([...state.chats.map((c) => c.conversationId).filter(Boolean), ...loadForgotten()]);
  const missing = (Array.isArray(listed) ? listed : []).filter((c) => !known.has(c.id)).slice(0, 20);
  // Read back at once rather than one after another: a user with many chats waits for the slowest, not the sum.
  const restored = await Promise.all(missing.map(async (c) => {
    try {
      const full = await getJson(`/api/conversations/${encodeURIComponent(c.id)}`);
      const updated = Date.parse(c.updatedAt) || Date.now();
      return {
        id: `server-${c.id}`, conversationId: c.id, title: truncate(c.firstQuestion || '', 80),
        createdAt: updated, updatedAt: updated,
        turns: full.turns.map((t) => ({ question: t.question, result: t.answer, feedback: null })),
      };
    } catch (_) {
      return null; // gone meanwhile: skip it
    }
  }));
  const added = restored.filter(Boolean);
  state.chats.push(...added);
  if (added.length) {
    state.chats.sort((a, b) => (b.updatedAt || 0) - (a.updatedAt || 0));
    saveChats(state.chats);
    renderHistory();
  }
}

wire();
window.addEventListener('cited:signed-out', () => {
  if (session().auth === 'keys') signedOut('Your session has ended: sign in again.');
});
loadSession().then(() => (needsSignIn() ? showSignIn(start) : start()));
