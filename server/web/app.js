// attache's search page. The URL holds the whole state (q, f filters, sort, page, article), so a
// search can be bookmarked or shared. Every piece of text from the server is inserted with
// textContent or as a text node: article fields come from untrusted dumps and are never parsed
// as HTML (the snippet's <b> marks are rebuilt as elements, see appendSnippet).
'use strict';

const PAGE_SIZE = 10;
const FACETS = [
  ['person', 'People', 8], ['minister', 'Ministers', 5], ['country', 'Countries', 8],
  ['org', 'Organizations', 8], ['summit', 'Summits', 6], ['place', 'Places', 8],
  ['source', 'Sources', 8],
];
const FIELD_LABELS = Object.fromEntries(FACETS.map(([f, label]) => [f, label]));
FIELD_LABELS.date = 'Published';
const SUGGEST_FIELDS = ['person', 'minister', 'country', 'org', 'summit', 'event', 'place',
  'role', 'source'];

const $ = (id) => document.getElementById(id);
const labels = new Map();  // "person:antony-blinken" -> "Antony Blinken", from facets seen

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

// ---- state <-> URL ----

function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') || '',
    filters: p.getAll('f'),
    sort: p.get('sort') || 'relevance',
    page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    article: p.get('article') || '',
  };
}

function stateUrl(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of s.filters) p.append('f', f);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.article) p.set('article', s.article);
  const qs = p.toString();
  return location.pathname + (qs ? '?' + qs : '');
}

function go(changes) {
  const s = Object.assign(readState(), changes);
  history.pushState(null, '', stateUrl(s));
  render();
}

// A filter value in the query language: quoted unless it is a plain slug or range.
function filterQuery(f) {
  const i = f.indexOf(':');
  const field = f.slice(0, i), value = f.slice(i + 1);
  return /^[A-Za-z0-9._-]+$/.test(value) ? f : field + ':"' + value.replace(/"/g, '') + '"';
}

function effectiveQuery(s) {
  const filters = s.filters.map(filterQuery).join(' ');
  const q = s.q.trim();
  if (!q) return filters || '*';
  return filters ? '(' + q + ') ' + filters : q;
}

function addFilter(f) {
  const s = readState();
  // One published-date range at a time: a new one replaces the old.
  let filters = f.startsWith('date:') ? s.filters.filter((x) => !x.startsWith('date:')) : s.filters;
  if (!filters.includes(f)) filters = filters.concat([f]);
  go({ filters, page: 1, article: '' });
}

// ---- API ----

async function api(path, params) {
  const url = path + (params ? '?' + params.toString() : '');
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body;
  try {
    body = await res.json();
  } catch (e) {
    throw new Error('the server answered ' + res.status + ' without JSON');
  }
  if (!res.ok) throw new Error(body.error || 'error ' + res.status);
  return body;
}

// ---- rendering ----

// Xapian's snippet is HTML-escaped text with <b>...</b> around matches: rebuild it as text
// nodes and <b> elements, so nothing in it can become markup.
function appendSnippet(parent, snippet) {
  const unescape = (t) => t.replace(/&(lt|gt|quot|#39|apos|amp);/g, (m, e) =>
    ({ lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", amp: '&' })[e]);
  let bold = false;
  for (const part of snippet.split(/(<b>|<\/b>)/)) {
    if (part === '<b>') bold = true;
    else if (part === '</b>') bold = false;
    else if (part) parent.append(bold ? el('b', { text: unescape(part) }) : unescape(part));
  }
}

function renderChips(s) {
  const box = $('chips');
  box.replaceChildren();
  for (const f of s.filters) {
    const field = f.slice(0, f.indexOf(':'));
    const value = f.slice(f.indexOf(':') + 1);
    const name = labels.get(f) || value;
    box.append(el('span', { class: 'chip', 'data-filter': f },
      (FIELD_LABELS[field] || field) + ': ' + name,
      el('button', { type: 'button', 'aria-label': 'Remove filter ' + f, text: '×',
        onclick: () => go({ filters: readState().filters.filter((x) => x !== f), page: 1 }) })));
  }
}

function renderFacets(result) {
  const box = $('facets');
  box.replaceChildren();
  for (const [field, title] of FACETS) {
    const values = (result.facets && result.facets[field]) || [];
    if (!values.length) continue;
    const list = el('ul');
    for (const v of values) {
      const f = field + ':' + v.id;
      if (v.name) labels.set(f, v.name);
      list.append(el('li', {}, el('button', {
        type: 'button', 'data-filter': f, onclick: () => addFilter(f),
      }, el('span', { text: v.name || v.id }), el('span', { class: 'count', text: String(v.count) }))));
    }
    box.append(el('section', { class: 'facet', 'data-field': field }, el('h3', { text: title }), list));
  }
}

// Every month from the first to the last, zeros included, so the bars are a time axis.
function monthRange(values) {
  const counts = new Map(values.map((v) => [v.id, v.count]));
  const ids = values.map((v) => v.id).filter((id) => /^\d{4}-\d{2}$/.test(id)).sort();
  if (!ids.length) return [];
  const out = [];
  let [y, m] = ids[0].split('-').map(Number);
  const [ly, lm] = ids[ids.length - 1].split('-').map(Number);
  while ((y < ly || (y === ly && m <= lm)) && out.length < 600) {
    const id = y + '-' + String(m).padStart(2, '0');
    out.push({ id, count: counts.get(id) || 0 });
    if (++m > 12) { m = 1; ++y; }
  }
  return out;
}

function renderTimeline(result) {
  const box = $('timeline');
  box.replaceChildren();
  const months = monthRange((result.facets && result.facets.month) || []);
  if (months.length < 2) { box.hidden = true; return; }
  box.hidden = false;
  const max = Math.max(...months.map((x) => x.count), 1);
  let start = null;
  const bars = months.map((mo, i) => {
    const bar = el('div', { class: 'bar', 'data-month': mo.id, role: 'button', tabindex: '0',
      title: mo.id + ': ' + mo.count + ' articles', 'aria-label': mo.id + ': ' + mo.count });
    // The whole column takes the pointer, so that months with few articles are easy to hit.
    const fill = el('span', { class: 'fill' });
    fill.style.height = (mo.count ? Math.max(3, Math.round((mo.count / max) * 100)) : 0) + '%';
    bar.append(fill);
    bar.addEventListener('pointerdown', (e) => { start = i; mark(i, i); e.preventDefault(); });
    bar.addEventListener('pointerenter', () => { if (start !== null) mark(start, i); });
    bar.addEventListener('keydown', (e) => { if (e.key === 'Enter') addFilter('date:' + mo.id); });
    return bar;
  });
  function mark(a, b) {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    bars.forEach((bar, j) => bar.classList.toggle('brushed', j >= lo && j <= hi));
  }
  // A click filters on one month; a drag across bars filters on the range it covers.
  box.onpointerup = (e) => {
    if (start === null) return;
    const target = e.target.closest ? e.target.closest('.bar') : null;
    const end = target ? bars.indexOf(target) : start;
    const [lo, hi] = start <= end ? [start, end] : [end, start];
    start = null;
    addFilter('date:' + (lo === hi ? months[lo].id : months[lo].id + '..' + months[hi].id));
  };
  box.onpointerleave = () => { if (start !== null) { start = null; mark(-1, -1); } };
  box.append(...bars,
    el('span', { class: 'axis', text: months[0].id }),
    el('span', { class: 'axis right', text: months[months.length - 1].id }));
}

function renderResults(s, result) {
  const list = $('results');
  list.replaceChildren();
  const shown = result.hits.length;
  $('status').textContent = result.total === 0
    ? 'No articles match (' + result.took_ms + ' ms)'
    : result.total + ' article' + (result.total === 1 ? '' : 's') + ' match, showing ' +
      (result.offset + (shown ? 1 : 0)) + '-' + (result.offset + shown) + ' (' + result.took_ms + ' ms)';
  if (result.suggestion) {
    $('status').append(' Did you mean ', el('a', {
      href: stateUrl(Object.assign({}, s, { q: result.suggestion, page: 1 })), text: result.suggestion,
      onclick: (e) => { e.preventDefault(); go({ q: result.suggestion, page: 1 }); },
    }), '?');
  }
  for (const hit of result.hits) {
    const link = el('a', { href: stateUrl(Object.assign({}, s, { article: hit.id })),
      text: hit.title || hit.id, onclick: (e) => { e.preventDefault(); go({ article: hit.id }); } });
    const meta = [hit.source, (hit.published || '').slice(0, 10)].filter(Boolean).join(' · ');
    const snippet = el('p', { class: 'snippet' });
    appendSnippet(snippet, hit.snippet || '');
    list.append(el('li', { 'data-id': hit.id }, el('h2', {}, link),
      el('div', { class: 'meta', text: meta }), snippet));
  }
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const pager = $('pager');
  pager.replaceChildren();
  if (pages > 1) {
    pager.append(
      el('button', { type: 'button', id: 'prev', onclick: () => go({ page: s.page - 1 }), text: '← Previous' }),
      el('span', { text: 'Page ' + s.page + ' of ' + pages }),
      el('button', { type: 'button', id: 'next', onclick: () => go({ page: s.page + 1 }), text: 'Next →' }));
    pager.firstChild.disabled = s.page <= 1;
    pager.lastChild.disabled = s.page >= pages;
  }
}

// The article text with its entity mentions marked. Offsets are UTF-8 byte offsets into
// title + "\n\n" + body (the body alone when there is no title), as `attache extract` reports.
function appendMarkedText(parent, bytes, mentions, from, to) {
  const decoder = new TextDecoder();
  let pos = from;
  for (const m of mentions) {
    if (m.begin < pos || m.end > to) continue;
    if (m.begin > pos) parent.append(decoder.decode(bytes.subarray(pos, m.begin)));
    const f = (m.kind === 'event' ? 'event' : m.kind) + ':' + m.id;
    parent.append(el('mark', { class: 'ent ' + m.kind, title: m.kind + ': ' + m.name,
      'data-entity': f, text: decoder.decode(bytes.subarray(m.begin, m.end)),
      onclick: () => addFilter(f) }));
    pos = m.end;
  }
  if (pos < to) parent.append(decoder.decode(bytes.subarray(pos, to)));
}

async function renderArticle(s) {
  const view = $('article-view');
  view.replaceChildren(el('p', { class: 'meta', text: 'Loading…' }));
  let a;
  try {
    a = await api('/api/article/' + encodeURIComponent(s.article), new URLSearchParams({ mentions: 'true' }));
  } catch (e) {
    view.replaceChildren(el('button', { class: 'back', type: 'button', text: '← Results',
      onclick: () => go({ article: '' }) }), el('p', { role: 'alert', text: e.message }));
    return;
  }
  const enc = new TextEncoder();
  const titleBytes = enc.encode(a.title).length;
  const full = enc.encode(a.title ? a.title + '\n\n' + a.body : a.body);
  const mentions = (a.mentions || []).slice().sort((x, y) => x.begin - y.begin);
  const h1 = el('h1');
  const body = el('div', { class: 'body' });
  if (a.title) {
    appendMarkedText(h1, full, mentions, 0, titleBytes);
    appendMarkedText(body, full, mentions, titleBytes + 2, full.length);
  } else {
    h1.textContent = a.id;
    appendMarkedText(body, full, mentions, 0, full.length);
  }
  const meta = [a.source, a.published, a.author].filter(Boolean).join(' · ');
  const entities = el('div', { class: 'entity-list legend' });
  for (const [kind, list] of Object.entries(a.entities || {})) {
    for (const e of list) {
      const f = kind + ':' + e.id;
      labels.set(f, e.name);
      entities.append(el('button', { type: 'button', class: kind, 'data-filter': f,
        title: 'Filter on ' + kind + ' ' + e.name, text: e.name, onclick: () => addFilter(f) }));
    }
  }
  const children = [el('button', { class: 'back', type: 'button', text: '← Results',
    onclick: () => go({ article: '' }) }), h1, el('div', { class: 'meta', text: meta }), entities, body];
  if (/^https?:\/\//.test(a.url)) {
    children.push(el('p', {}, el('a', { href: a.url, rel: 'noopener noreferrer nofollow',
      target: '_blank', text: 'Original article' })));
  }
  view.replaceChildren(...children);
}

let generation = 0;  // answers to an older state are dropped

async function render() {
  const s = readState();
  const mine = ++generation;
  $('q').value = s.q;
  $('sort').value = s.sort;
  const inArticle = Boolean(s.article);
  $('article-view').hidden = !inArticle;
  $('results-pane').hidden = inArticle;
  renderChips(s);
  if (inArticle) renderArticle(s);
  const params = new URLSearchParams({ q: effectiveQuery(s), limit: String(PAGE_SIZE),
    offset: String((s.page - 1) * PAGE_SIZE), sort: s.q.trim() ? s.sort : (s.sort === 'relevance' ? 'newest' : s.sort) });
  for (const [field, , n] of FACETS) params.append('facet', field + ':' + n);
  params.append('facet', 'month:0');
  document.title = (s.q || s.filters.length ? effectiveQuery(s) + ' · ' : '') + 'attache';
  try {
    const result = await api('/api/search', params);
    if (mine !== generation) return;
    $('error').hidden = true;
    renderFacets(result);
    renderChips(s);
    renderTimeline(result);
    renderResults(s, result);
  } catch (e) {
    if (mine !== generation) return;
    $('error').textContent = e.message;
    $('error').hidden = false;
    $('status').textContent = '';
    $('results').replaceChildren();
    $('pager').replaceChildren();
  }
}

// ---- autocomplete ----

let suggestTimer = 0, suggestSeq = 0, activeIndex = -1;

// The word being typed: "person:bli" -> field person, prefix bli; "bli" -> any entity field.
function currentToken(input) {
  const upto = input.value.slice(0, input.selectionStart);
  const m = /(^|[\s(+-])([a-z]+:)?"?([^\s"():]*)$/.exec(upto);
  if (!m) return null;
  const field = m[2] ? m[2].slice(0, -1) : '';
  if (field && !SUGGEST_FIELDS.includes(field)) return null;
  return { field, prefix: m[3], start: upto.length - m[0].length + m[1].length, end: upto.length };
}

function closeSuggestions() {
  $('suggestions').hidden = true;
  $('suggestions').replaceChildren();
  $('q').setAttribute('aria-expanded', 'false');
  activeIndex = -1;
}

function chooseSuggestion(token, value) {
  const input = $('q');
  const text = input.value;
  const rest = text.slice(token.end).replace(/^\S*/, '');
  input.value = text.slice(0, token.start) + value.query + ' ' + rest.trimStart();
  labels.set(value.query, value.name);
  closeSuggestions();
  input.focus();
  const caret = token.start + value.query.length + 1;
  input.setSelectionRange(caret, caret);
}

async function updateSuggestions() {
  const input = $('q');
  const token = currentToken(input);
  const seq = ++suggestSeq;
  if (!token || token.prefix.length < (token.field ? 1 : 2)) { closeSuggestions(); return; }
  const fields = token.field ? [token.field] : ['person', 'country', 'org', 'summit'];
  let values = [];
  try {
    const answers = await Promise.all(fields.map((field) => api('/api/suggest',
      new URLSearchParams({ field, prefix: token.prefix, limit: '6' }))));
    answers.forEach((a, i) => values.push(...a.values.map((v) => Object.assign({ field: fields[i] }, v))));
  } catch (e) {
    values = [];
  }
  if (seq !== suggestSeq) return;
  values.sort((a, b) => b.count - a.count);
  values = values.filter((v) => v.count > 0 || token.field).slice(0, 8);
  const box = $('suggestions');
  box.replaceChildren();
  if (!values.length) { closeSuggestions(); return; }
  values.forEach((v, i) => {
    box.append(el('li', { role: 'option', id: 'sugg-' + i, 'data-query': v.query,
      onmousedown: (e) => { e.preventDefault(); chooseSuggestion(token, v); } },
      el('span', { class: 'kind', text: v.field }), el('span', { text: v.name }),
      el('span', { class: 'count', text: String(v.count) })));
  });
  box.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  activeIndex = -1;
  box.token = token;
  box.values = values;
}

function moveActive(step) {
  const box = $('suggestions');
  const items = [...box.children];
  if (!items.length) return;
  activeIndex = (activeIndex + step + items.length) % items.length;
  items.forEach((li, i) => li.setAttribute('aria-selected', String(i === activeIndex)));
  $('q').setAttribute('aria-activedescendant', items[activeIndex].id);
}

// ---- wiring ----

function init() {
  const input = $('q');
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    closeSuggestions();
    go({ q: input.value.trim(), sort: $('sort').value, page: 1, article: '' });
  });
  $('sort').addEventListener('change', () => go({ sort: $('sort').value, page: 1 }));
  input.addEventListener('input', () => {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(updateSuggestions, 120);
  });
  input.addEventListener('keydown', (e) => {
    const box = $('suggestions');
    if (box.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); moveActive(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); moveActive(-1); }
    else if (e.key === 'Escape') closeSuggestions();
    else if ((e.key === 'Enter' || e.key === 'Tab') && activeIndex >= 0) {
      e.preventDefault();
      chooseSuggestion(box.token, box.values[activeIndex]);
    }
  });
  input.addEventListener('blur', () => setTimeout(closeSuggestions, 100));
  $('home').addEventListener('click', (e) => { e.preventDefault(); go({ q: '', filters: [], page: 1, article: '', sort: 'relevance' }); });
  window.addEventListener('popstate', render);
  if (window.matchMedia('(max-width: 720px)').matches) $('facet-panel').open = false;
  render();
}

document.addEventListener('DOMContentLoaded', init);
