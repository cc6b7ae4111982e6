// Quire paper preview: renders the source in the editor through POST /v1/render as it is
// edited, and shows a problem beside the line it names. Plain JS, no build step.
'use strict';

const DPI = 72;          // light images for the screen; the PDF download is the real copy
const DEBOUNCE_MS = 500; // typing pauses this long before a render starts
const PARALLEL = 2;      // page requests at once: the service renders one per core

const $ = (id) => document.getElementById(id);
const source = $('source'), gutterLines = $('gutter-lines'), lineMark = $('line-mark');
const pages = $('pages'), status = $('status'), errorBox = $('error'), download = $('download');
const editorHome = $('text-wrap'), preview = $('preview');

let current = null; // the AbortController of the render in flight
let timer = 0;
let errorLine = 0;  // the line the shown problem names; 0 when none

class Problem extends Error {
  constructor(fields) { super(fields.title); this.fields = fields; }
}

// One request to the render endpoint; a non-2xx answer becomes a Problem.
async function post(text, query, signal) {
  const response = await fetch('/v1/render' + query, {
    method: 'POST', signal,
    headers: { 'Content-Type': 'application/json', Accept: 'application/pdf, image/png, application/problem+json' },
    body: JSON.stringify({ paper: text, filename: 'paper.md' }),
  });
  if (response.ok) return response;
  let fields = null;
  if ((response.headers.get('Content-Type') || '').includes('json')) fields = await response.json().catch(() => null);
  fields = fields || { title: `The service answered ${response.status}`, detail: response.statusText };
  fields.status = response.status;
  fields.retryAfter = Number(response.headers.get('Retry-After')) || 0;
  throw new Problem(fields);
}

// Page n as a decoded <img>, so swapping it in never flashes an empty box.
async function fetchPage(text, n, signal) {
  const response = await post(text, `?format=png&page=${n}&dpi=${DPI}`, signal);
  const count = Number(response.headers.get('Quire-Page-Count')) || 1;
  const image = new Image();
  image.className = 'page';
  image.src = URL.createObjectURL(await response.blob());
  await image.decode().catch(() => {});
  signal.throwIfAborted(); // a newer render started while this one was on its way
  return { image, count };
}

function place(n, count, image) {
  image.alt = `Page ${n} of ${count}`;
  const old = pages.children[n - 1];
  if (old.src.startsWith('blob:')) URL.revokeObjectURL(old.src);
  old.replaceWith(image);
}

// Page 1 gives the page count; the rest follow, PARALLEL at a time, each put in its own slot
// as it arrives. The source is read once, so every page comes from the same text.
async function render() {
  clearTimeout(timer);
  current?.abort();
  const controller = current = new AbortController();
  const { signal } = controller;
  const text = source.value;
  setStatus('Rendering…');
  pages.setAttribute('aria-busy', 'true');
  try {
    const first = await fetchPage(text, 1, signal);
    const count = first.count;
    while (pages.children.length > count) pages.lastElementChild.remove();
    while (pages.children.length < count) {
      // Placeholders the size of page 1 keep the layout still while the others load.
      const slot = Object.assign(new Image(first.image.naturalWidth, first.image.naturalHeight), { className: 'page' });
      pages.append(slot);
    }
    for (const [i, img] of [...pages.children].entries()) img.alt = `Page ${i + 1} of ${count}`;
    place(1, count, first.image);
    clearError();
    let next = 2;
    const worker = async () => {
      while (next <= count) {
        const n = next++;
        const { image } = await fetchPage(text, n, signal);
        place(n, count, image);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, count - 1) }, worker));
    setStatus(count === 1 ? '1 page' : `${count} pages`);
  } catch (error) {
    if (signal.aborted) return; // superseded: the newer render reports instead
    if (error instanceof Problem && error.fields.status === 429) {
      const wait = Math.max(1, error.fields.retryAfter);
      setStatus(`The service is busy; trying again in ${wait} s`);
      timer = setTimeout(render, wait * 1000);
    } else {
      showError(error instanceof Problem ? error.fields : { title: 'The service cannot be reached', detail: String(error.message || error) });
    }
  } finally {
    if (current === controller) pages.removeAttribute('aria-busy');
  }
}

function setStatus(text, bad = false) {
  status.textContent = text;
  status.classList.toggle('bad', bad);
}

function showError(problem) {
  const lines = source.value.split('\n').length;
  // A line in another file (a CSV the paper names, say) has no place in this editor.
  const ours = !problem.file || problem.file === 'paper.md';
  errorLine = ours && problem.line >= 1 ? Math.min(problem.line, lines) : 0;
  const where = errorLine ? `Line ${errorLine}` : problem.line ? `${problem.file}, line ${problem.line}` : '';
  const part = (name, text) => {
    const el = errorBox.querySelector('.' + name);
    el.textContent = text || '';
    el.hidden = !text;
  };
  part('where', [where, problem.field && `field “${problem.field}”`].filter(Boolean).join(' · '));
  part('title', problem.title);
  // The detail often restates the title ("the front matter is not valid YAML: …"): show the rest.
  let detail = String(problem.detail || '');
  if (problem.title && detail.toLowerCase().startsWith(problem.title.toLowerCase() + ': ')) {
    detail = detail.slice(problem.title.length + 2);
  }
  part('detail', detail.replace(/^./, (c) => c.toUpperCase()));
  part('hint', problem.hint);
  errorBox.querySelector('.goto').hidden = !errorLine;
  if (errorLine) {
    errorBox.className = 'beside';
    editorHome.append(errorBox);
  } else {
    errorBox.className = 'above-pages';
    preview.insertBefore(errorBox, pages);
  }
  errorBox.hidden = false;
  pages.classList.add('stale'); // the last good pages stay, dimmed
  source.setAttribute('aria-invalid', 'true');
  source.setAttribute('aria-describedby', 'error');
  setStatus(where ? `${where}: ${problem.title}` : problem.title, true);
  markLine();
}

function clearError() {
  errorLine = 0;
  errorBox.hidden = true;
  pages.classList.remove('stale');
  source.removeAttribute('aria-invalid');
  source.removeAttribute('aria-describedby');
  markLine();
}

// The gutter holds one number per source line; only the difference is added or removed.
function numberLines() {
  const count = source.value.split('\n').length;
  while (gutterLines.children.length > count) gutterLines.lastElementChild.remove();
  for (let n = gutterLines.children.length + 1; n <= count; n++) {
    gutterLines.appendChild(document.createElement('div')).textContent = n;
  }
}

function markLine() {
  gutterLines.querySelector('.error-line')?.classList.remove('error-line');
  lineMark.hidden = !errorLine;
  if (errorLine) gutterLines.children[errorLine - 1]?.classList.add('error-line');
  follow();
}

// Runs on every scroll: the gutter, the line mark and the error box move with the text.
function follow() {
  gutterLines.style.transform = `translateY(${-source.scrollTop}px)`;
  if (!errorLine || errorBox.hidden) return;
  const style = getComputedStyle(source);
  const row = parseFloat(style.lineHeight);
  const top = parseFloat(style.paddingTop) + (errorLine - 1) * row - source.scrollTop;
  lineMark.style.top = `${top}px`;
  // Just under the named line; above it when there is no room below; always in view.
  const height = errorBox.offsetHeight, room = source.clientHeight;
  let boxTop = top + row + 6;
  if (boxTop + height > room) boxTop = top - height - 6;
  errorBox.style.top = `${Math.max(6, Math.min(boxTop, room - height - 6))}px`;
}

source.addEventListener('input', () => {
  numberLines();
  clearTimeout(timer);
  timer = setTimeout(render, DEBOUNCE_MS);
});
source.addEventListener('scroll', follow);
// "Go to line": the named line may be scrolled out of sight, under the editing the user is doing.
errorBox.querySelector('.goto').addEventListener('click', () => {
  const before = source.value.split('\n').slice(0, errorLine - 1);
  const offset = before.reduce((sum, line) => sum + line.length + 1, 0);
  source.focus();
  source.setSelectionRange(offset, offset);
  source.scrollTop = Math.max(0, (errorLine - 1) * parseFloat(getComputedStyle(source).lineHeight) - source.clientHeight / 3);
  source.scrollLeft = 0;
});
window.addEventListener('resize', follow);

download.addEventListener('click', async () => {
  download.disabled = true;
  setStatus('Preparing the PDF…');
  try {
    const response = await post(source.value, '', undefined);
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: 'paper.pdf' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000); // long after the download has taken it
    const count = Number(response.headers.get('Quire-Page-Count')) || 0;
    setStatus(`${count === 1 ? '1 page' : `${count} pages`} · paper.pdf downloaded`);
  } catch (error) {
    showError(error instanceof Problem ? error.fields : { title: 'The PDF cannot be downloaded', detail: String(error.message || error) });
  } finally {
    download.disabled = false;
  }
});

numberLines();
render();
