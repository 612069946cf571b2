// The PDF page view: one page of the original file drawn by pdf.js (vendored by the build under /vendor/pdfjs/)
// on a canvas, with pdf.js's text layer over it and the quote highlighted on the page. The quote is the text
// Cited extracted (with Tika), which differs from pdf.js's text items in spacing, hyphenation and ligatures, so
// both are compared on their letters and digits only, and the text-layer spans holding the match are marked.

import { el } from './dom.js';

const PDFJS = '/vendor/pdfjs/';
/** Normalized characters a partial match must reach to be shown (a quote running onto the next page). */
const MIN_PARTIAL = 12;

let library = null; // Promise of the pdf.js module, loaded the first time a page is shown
let open = null; // { url, task }: the one PDF kept open

function pdfjs() {
  library ||= import(`${PDFJS}pdf.min.mjs`).then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = `${PDFJS}pdf.worker.min.mjs`;
    return lib;
  });
  library.catch(() => { library = null; });
  return library;
}

async function openPdf(url) {
  if (open && open.url === url) return open.task.promise;
  if (open) open.task.destroy();
  const lib = await pdfjs();
  const task = lib.getDocument({
    url,
    isEvalSupported: false, // the page's CSP allows no eval; pdf.js then draws fonts without it
    enableXfa: false,
    cMapUrl: `${PDFJS}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS}standard_fonts/`,
    wasmUrl: `${PDFJS}wasm/`,
    iccUrl: `${PDFJS}iccs/`,
  });
  open = { url, task };
  task.promise.catch(() => { if (open && open.task === task) open = null; });
  return task.promise;
}

/** Closes the open PDF (the source panel closed or moved to another document). */
export function closePdf() {
  if (open) open.task.destroy();
  open = null;
}

/**
 * Letters and digits of s, lower case, without accents (a ligature "ﬁ" gives "fi"), each with the index range in
 * s it came from.
 */
export function normalized(s) {
  let chars = '';
  const from = [];
  const to = [];
  let i = 0;
  for (const c of s) {
    const folded = c.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    for (const f of folded) {
      if (/[\p{L}\p{N}]/u.test(f)) {
        chars += f;
        from.push(i);
        to.push(i + c.length);
      }
    }
    i += c.length;
  }
  return { chars, from, to };
}

/**
 * Where the quote's characters are in the page's: the whole quote, else its longest beginning or end found (a
 * quote running over a page break, or reading differently part way). {start, end, whole} or null.
 */
export function locate(pageChars, quoteChars) {
  if (!quoteChars) return null;
  const whole = pageChars.indexOf(quoteChars);
  if (whole >= 0) return { start: whole, end: whole + quoteChars.length, whole: true };
  const longest = (part) => { // the longest n with part(n) on the page; found(n) holds for every shorter n too
    let lo = 0;
    let hi = quoteChars.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (pageChars.includes(part(mid))) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const head = longest((n) => quoteChars.slice(0, n));
  const tail = longest((n) => quoteChars.slice(quoteChars.length - n));
  const best = Math.max(head, tail);
  if (best < Math.min(MIN_PARTIAL, quoteChars.length)) return null;
  const part = head >= tail ? quoteChars.slice(0, head) : quoteChars.slice(quoteChars.length - tail);
  // A beginning is looked for at the end of the page, an end at its start, where a page break leaves them.
  const at = head >= tail ? pageChars.lastIndexOf(part) : pageChars.indexOf(part);
  return { start: at, end: at + part.length, whole: false };
}

/** Wraps the part of each text-layer div that the match covers in a <mark>; returns the marks. */
function highlight(divs, texts, quote) {
  const items = [];
  let pageChars = '';
  texts.forEach((text, index) => {
    const n = normalized(text);
    for (let k = 0; k < n.chars.length; k++) items.push({ index, from: n.from[k], to: n.to[k] });
    pageChars += n.chars;
  });
  const found = locate(pageChars, normalized(quote).chars);
  if (!found) return { found: null, marks: [] };
  const covered = new Map(); // div index -> [from, to) in its text
  for (let k = found.start; k < found.end; k++) {
    const { index, from, to } = items[k];
    const range = covered.get(index);
    covered.set(index, range ? [Math.min(range[0], from), Math.max(range[1], to)] : [from, to]);
  }
  const marks = [];
  for (const [index, [from, to]] of covered) {
    const div = divs[index];
    const text = texts[index];
    if (!div || div.textContent !== text) continue;
    const mark = el('mark', { class: 'pdf-mark', dataset: { role: 'pdf-highlight' } }, text.slice(from, to));
    div.replaceChildren(text.slice(0, from), mark, text.slice(to));
    marks.push(mark);
  }
  return { found, marks };
}

/**
 * Shows page `page` of the PDF at `url` in `container`, with prev/next, and the quote highlighted where it is
 * found. `citedPage` is the page the citation names: a quote not found there is said to be not found.
 */
export function showPdfPage(container, { url, page, citedPage, quote, onPage }) {
  const label = el('span', { class: 'pdf-nav-label', dataset: { role: 'pdf-page-label' }, 'aria-live': 'polite' }, `Page ${page}`);
  const prev = el('button', { type: 'button', class: 'button button-small', dataset: { role: 'pdf-prev' }, disabled: true }, '‹ Previous');
  const next = el('button', { type: 'button', class: 'button button-small', dataset: { role: 'pdf-next' }, disabled: true }, 'Next ›');
  const status = el('p', { class: 'pdf-status', dataset: { role: 'pdf-status' }, role: 'status' }, 'Loading the page…');
  const sheet = el('div', { class: 'pdf-page', dataset: { role: 'pdf-page' } });
  container.append(el('div', { class: 'pdf-view', dataset: { role: 'pdf-view' } },
    el('div', { class: 'pdf-nav' }, prev, label, next), status, sheet));

  let current = page;
  let pages = 0;
  let token = 0;
  let task = null;

  async function render(number) {
    const mine = ++token;
    if (task) task.cancel();
    prev.disabled = true;
    next.disabled = true;
    status.textContent = 'Loading the page…';
    let pdf;
    try {
      pdf = await openPdf(url);
    } catch (e) {
      if (mine !== token) return;
      status.textContent = `Could not show the PDF: ${e && e.message ? e.message : e}. The text view and the original file still work.`;
      status.classList.add('pdf-status-error');
      return;
    }
    if (mine !== token) return;
    pages = pdf.numPages;
    current = Math.min(Math.max(1, number), pages);
    label.textContent = `Page ${current} of ${pages}`;
    const pdfPage = await pdf.getPage(current);
    if (mine !== token) return;
    const lib = await pdfjs();
    const width = Math.max(240, container.clientWidth - 4); // the sheet's border fits too
    const scale = Math.min(3, width / pdfPage.getViewport({ scale: 1 }).width);
    const viewport = pdfPage.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    const canvas = el('canvas', { class: 'pdf-canvas', 'aria-hidden': 'true' });
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    const layer = el('div', { class: 'textLayer', dataset: { role: 'pdf-text-layer' } });
    sheet.replaceChildren(canvas, layer);
    sheet.dataset.page = String(current);
    delete sheet.dataset.rendered;
    sheet.style.setProperty('--total-scale-factor', String(scale));
    sheet.style.setProperty('--scale-factor', String(scale));
    sheet.style.setProperty('--scale-round-x', '1px');
    sheet.style.setProperty('--scale-round-y', '1px');
    sheet.style.width = `${Math.floor(viewport.width)}px`;
    sheet.style.height = `${Math.floor(viewport.height)}px`;
    try {
      task = pdfPage.render({
        canvasContext: canvas.getContext('2d'),
        viewport,
        transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null,
      });
      const textLayer = new lib.TextLayer({ textContentSource: pdfPage.streamTextContent(), container: layer, viewport });
      await Promise.all([task.promise, textLayer.render()]);
      if (mine !== token) return;
      sheet.dataset.rendered = 'true';
      const { found, marks } = highlight(textLayer.textDivs, textLayer.textContentItemsStr, quote || '');
      status.classList.remove('pdf-status-error');
      if (!quote) {
        status.textContent = '';
      } else if (found && found.whole) {
        status.textContent = 'The quote is highlighted on the page.';
      } else if (found) {
        status.textContent = 'Part of the quote is highlighted on this page (it runs over a page break, or the PDF writes the rest differently).';
      } else if (current === citedPage) {
        status.textContent = `The quote could not be found on page ${current}: the PDF's own text differs there from the text Cited read. The page is shown as it is.`;
      } else {
        status.textContent = citedPage ? `The quote is on page ${citedPage}.` : '';
      }
      if (marks.length) requestAnimationFrame(() => marks[0].scrollIntoView({ block: 'center', inline: 'nearest' }));
      if (onPage) onPage(current);
    } catch (e) {
      if (mine !== token || (e && e.name === 'RenderingCancelledException')) return;
      status.textContent = `Could not draw page ${current}: ${e && e.message ? e.message : e}.`;
      status.classList.add('pdf-status-error');
    } finally {
      if (mine === token) {
        prev.disabled = current <= 1;
        next.disabled = current >= pages;
      }
    }
  }

  prev.addEventListener('click', () => render(current - 1));
  next.addEventListener('click', () => render(current + 1));
  render(page);
  return { cancel: () => { token++; if (task) task.cancel(); } };
}
