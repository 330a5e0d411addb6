"""The pages' own stylesheet and script, served from /static/ so that the Content-Security-Policy
allows nothing else (no inline script, no inline style, nothing from outside).

The script: a preview of how the answer is read, typeset in the student's own notation, as they
type (and at once when the page opens with an answer); the answer box grows with the answer
(through the CSS object model, which the CSP allows); the answer kept across a change of
language; Ctrl+Enter (⌘+Enter) checks; a scroll cue on tables wider than the screen. Every
sentence it shows comes from the page (``data-`` attributes), in the page's language.
"""

from __future__ import annotations

from ..export.documents import PAGE_STYLE

DEPTHS = 13          # indentation levels of a solution's steps (``depth-0`` … ``depth-12``)

PAGE_CSS = PAGE_STYLE + "".join(f".depth-{k} {{ margin-left: {1.5 * k:g}em; }}\n" for k in range(DEPTHS)) + """
.nowrap { white-space: nowrap; } .block-space { margin-block: .4em; }
textarea { width: 100%; font-size: 1.1rem; padding: .4rem; box-sizing: border-box; font-family: ui-monospace, monospace; }
button { font-size: 1rem; padding: .4rem 1rem; margin-top: .4rem; }
.form { color: #333; } .hint { color: #555; font-size: .9rem; margin: .2rem 0; }
.preview { min-height: 2.2em; padding: .3rem 0; color: #222; max-width: 100%; overflow-x: auto; } .preview .error { color: #b00020; }
.preview .note { color: #6b4e00; font-size: .95rem; margin: .2rem 0; }
.verdict { padding: .5rem .8rem; margin: .8rem 0; border-radius: .3rem; }
.right { background: #e6f4ea; } .wrong { background: #fdecea; } .unchecked { background: #fff4d6; }
nav a { margin-right: .8rem; } li { margin: .3rem 0; } details { margin-top: 1rem; }
.scroll-cue { font-size: .85rem; color: #555; margin: .2rem 0; }
.table code { white-space: nowrap; } .table td.long { min-width: 20em; }
@media (hover: none), (pointer: coarse), (max-width: 40rem) { .keys { display: none; } }
.table, .step { max-width: 100%; overflow-x: auto;
  background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)), linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) 100% 0,
              radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.25), transparent), radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.25), transparent) 100% 0;
  background-repeat: no-repeat; background-size: 2.5em 100%, 2.5em 100%, .8em 100%, .8em 100%;
  background-attachment: local, local, scroll, scroll; }
"""

PAGE_JS = """
(() => {
  const box = document.getElementById('answer'), out = document.getElementById('preview');
  if (!box || !out) return;
  const page = document.body.dataset, lang = document.documentElement.lang;
  const known = JSON.parse(box.dataset.known || '[]'), carried = 'symnn-carried-answer';
  const kept = 'symnn-answer:' + box.dataset.problem + ':' + location.search;
  let timer, asked = 0;
  const say = (text, cls) => { const p = document.createElement('p'); p.className = cls; p.textContent = text; return p; };
  async function show() {
    const text = box.value, mine = ++asked;
    if (!text.trim()) { out.replaceChildren(); return; }
    let reply, read;
    try {
      reply = await fetch('/api/read?lang=' + lang, {method: 'POST', headers: {'Content-Type': 'application/json'},
                          body: JSON.stringify({answer: text, known: known, lang: lang})});
      read = await reply.json();
    } catch (error) { read = {ok: false, error: page.offline}; }
    if (mine !== asked) return;
    if (!reply || !reply.ok && !read.error) read = {ok: false, error: page.offline};
    const parts = [];
    if (read.ok) {
      const math = new DOMParser().parseFromString(read.mathml, 'application/xml').documentElement;
      const line = document.createElement('div'); line.append(page.read + ' ', document.importNode(math, true));
      parts.push(line);
      for (const note of read.notes || []) parts.push(say(note, 'note'));
    } else parts.push(say(read.error || '', 'error'));
    out.replaceChildren(...parts);
  }
  const grow = () => { box.style.height = 'auto'; box.style.height = (box.scrollHeight + 4) + 'px'; };
  // the answer kept for this page, so that the browser's Back (or Forward) shows it again
  const keep = () => { try { sessionStorage.setItem(kept, box.value); } catch (error) {} };
  box.addEventListener('input', () => { grow(); keep(); clearTimeout(timer); timer = setTimeout(show, 250); });
  box.form.addEventListener('submit', keep);
  // a change of language carries the answer to the other page
  for (const link of document.querySelectorAll('a[hreflang]')) {
    link.addEventListener('click', () => {
      try { sessionStorage.setItem(carried, JSON.stringify({problem: box.dataset.problem, answer: box.value})); }
      catch (error) {}
    });
  }
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); box.form.requestSubmit(); }
  });
  try {
    const carry = JSON.parse(sessionStorage.getItem(carried) || 'null');
    sessionStorage.removeItem(carried);
    if (carry && carry.problem === box.dataset.problem && !box.value) box.value = carry.answer;
    const travel = (performance.getEntriesByType('navigation')[0] || {}).type;
    if (!box.value && travel === 'back_forward') box.value = sessionStorage.getItem(kept) || '';
  } catch (error) {}
  if (box.value.trim()) { grow(); show(); }
  // a cell of long prose stays wide enough to be read in a few lines, not a narrow column of words
  for (const cell of document.querySelectorAll('.table td')) {
    if (!cell.querySelector('math') && cell.textContent.length > 40) cell.classList.add('long');
  }
  // a table wider than the screen gets a cue above it, where the eye meets it first
  const cue = () => {
    for (const wide of document.querySelectorAll('.table, .step')) {
      if (!wide.classList.contains('scrolls') && wide.scrollWidth > wide.clientWidth + 2) {
        wide.classList.add('scrolls'); wide.before(say(page.scroll, 'scroll-cue'));
      }
    }
  };
  cue();
  document.querySelector('details')?.addEventListener('toggle', cue);
  window.addEventListener('resize', cue);
})();
"""

STATIC = {"page.css": (PAGE_CSS, "text/css; charset=utf-8"), "page.js": (PAGE_JS, "text/javascript; charset=utf-8")}
