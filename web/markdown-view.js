// A Markdown document's source view: the served text laid out as the Markdown had it (headings, lists, tables,
// emphasis, links, code), built from the text and the layout the server sends (ranges of the text, see
// MarkupSpan in openapi.json). Every character of the text is a text node in order, so offsets keep their
// meaning and the cited range [start, end) is wrapped in <mark>s whose text, joined, is exactly text[start, end).

import { el } from './dom.js';

/** The element each kind of range becomes. Headings sit below the panel's own title (an h2). */
const ELEMENTS = {
  paragraph: () => el('p', { class: 'md-p' }),
  block_quote: () => el('blockquote', { class: 'md-quote' }),
  bullet_list: () => el('ul', { class: 'md-list' }),
  ordered_list: () => el('ol', { class: 'md-list' }),
  list_item: () => el('li', { class: 'md-item' }),
  code_block: () => el('pre', { class: 'md-pre' }),
  table: () => el('table', { class: 'md-table' }),
  table_row: () => el('tr'),
  table_header_cell: () => el('th', { scope: 'col' }),
  table_cell: () => el('td'),
  emphasis: () => el('em'),
  strong: () => el('strong'),
  code: () => el('code', { class: 'md-code' }),
};

/** Ranges whose element cannot hold loose text: the separators written between their parts stay hidden. */
const STRUCTURAL = new Set(['bullet_list', 'ordered_list', 'table', 'table_row']);
/** Ranges holding blocks: the blank lines between those blocks are hidden too (the blocks' margins show them). */
const BLOCKS = new Set(['root', 'block_quote', 'list_item']);

function hiddenGap(kind, gap) {
  return STRUCTURAL.has(kind) || (BLOCKS.has(kind) && /^\s*\n\s*$/.test(gap));
}

/** http, https and mailto only; anything else (javascript:, data:, a relative path) is shown as plain text. */
export function safeHref(href) {
  if (typeof href !== 'string') return null;
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function elementFor(span) {
  if (span.kind === 'heading') {
    const level = Math.min(6, Math.max(1, Number(span.level) || 1));
    return el(`h${Math.min(6, level + 2)}`, { class: `md-heading md-h${level}` });
  }
  if (span.kind === 'link') {
    const href = safeHref(span.href);
    return href ? el('a', { class: 'md-link', href, target: '_blank', rel: 'noopener noreferrer' }) : el('span');
  }
  const make = ELEMENTS[span.kind];
  return make ? make() : el('span');
}

/** The ranges as a tree; a range that does not nest in the one around it is left out. */
function tree(text, layout) {
  const root = { start: 0, end: text.length, kind: 'root', children: [] };
  const stack = [root];
  for (const span of layout) {
    const start = Number(span.start);
    const end = Number(span.end);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) continue;
    while (stack.length > 1 && stack[stack.length - 1].end <= start) stack.pop();
    const parent = stack[stack.length - 1];
    const last = parent.children[parent.children.length - 1];
    if (end > parent.end || start < parent.start || (last && start < last.end)) continue;
    const node = { ...span, start, end, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

/**
 * Writes text laid out by the layout into container; returns the <mark>s of the range (one per element the quote
 * runs through, in order).
 */
export function renderMarkdown(container, text, layout, range) {
  const marks = [];

  function appendText(parent, from, to, hidden) {
    if (to <= from) return;
    const target = hidden ? parent.appendChild(el('span', { class: 'md-gap', hidden: true })) : parent;
    for (const [s, e, marked] of pieces(from, to)) {
      if (marked) {
        const mark = el('mark', { class: 'source-mark', dataset: { role: 'highlight' } }, text.slice(s, e));
        marks.push(mark);
        target.append(mark);
      } else {
        target.append(document.createTextNode(text.slice(s, e)));
      }
    }
  }

  function pieces(from, to) {
    if (!range || range.end <= from || range.start >= to) return [[from, to, false]];
    const s = Math.max(range.start, from);
    const e = Math.min(range.end, to);
    return [[from, s, false], [s, e, true], [e, to, false]].filter(([a, b]) => b > a);
  }

  function write(node, element) {
    let at = node.start;
    const gap = (from, to) => appendText(element, from, to, hiddenGap(node.kind, text.slice(from, to)));
    for (const child of node.children) {
      gap(at, child.start);
      const childElement = elementFor(child);
      element.append(childElement);
      if (child.kind === 'code_block') {
        const code = el('code');
        childElement.append(code);
        write(child, code);
      } else {
        write(child, childElement);
      }
      at = child.end;
    }
    gap(at, node.end);
  }

  write(tree(text, layout), container);
  return marks;
}
