/**
 * The page's own CSS and JavaScript, inlined into index.html (no file, font or script is ever
 * fetched). The Content-Security-Policy of the page allows exactly these two blocks by hash, so
 * even markup that slipped through escaping could not run or load anything.
 */
import { DETAILS_ID } from './html-details.js';

export const PAGE_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--accent:#0969da;--get:#1a7f37;--post:#9a6700;--put:#8250df;--patch:#8250df;--delete:#cf222e;--mark:#fff8c5}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--soft:#151b23;--accent:#4493f8;--get:#3fb950;--post:#d29922;--put:#ab7df8;--patch:#ab7df8;--delete:#f85149;--mark:#3b2e00}}
*{box-sizing:border-box}
html{scroll-padding-top:4.5rem}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}
a{color:var(--accent)}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.top{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.6rem 1rem;background:var(--bg);border-bottom:1px solid var(--line)}
.top .title{font-weight:700;font-size:1.1rem;text-decoration:none;color:var(--fg)}
.top input{flex:1 1 16rem;min-width:0;padding:.45rem .7rem;font:inherit;color:inherit;background:var(--soft);border:1px solid var(--line);border-radius:6px}
#count{color:var(--muted);font-size:.85rem}
.layout{display:flex;align-items:flex-start}
nav{position:sticky;top:3.4rem;flex:0 0 17rem;max-height:calc(100vh - 3.4rem);overflow:auto;padding:1rem;border-right:1px solid var(--line);font-size:.9rem}
nav ul{list-style:none;margin:0;padding:0 0 0 .8rem}
nav>details>ul{padding:0}
nav li{margin:.15rem 0}
nav a{text-decoration:none}
nav .folder>a{font-weight:600;color:var(--fg)}
nav .n{color:var(--muted);font-size:.8rem;margin-left:.3rem}
nav summary{cursor:pointer;font-weight:600;margin-bottom:.4rem}
main{flex:1 1 auto;min-width:0;max-width:62rem;padding:1rem 1.5rem 4rem}
h1{font-size:1.6rem;margin:.2rem 0 .6rem}
h2{font-size:1.3rem;margin:2.2rem 0 .4rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h2 .path{color:var(--muted);font-weight:400;font-size:.95rem}
h3{font-size:1.12rem;margin:0 0 .3rem}
h3 a{color:inherit;text-decoration:none}
h3 a:hover::after{content:" #";color:var(--muted)}
h4{font-size:.95rem;margin:1rem 0 .3rem}
.op{margin:1.2rem 0;padding:1rem;border:1px solid var(--line);border-radius:8px}
.op:target{outline:2px solid var(--accent);outline-offset:-2px}
.sig{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-bottom:.4rem}
.sig code{background:var(--soft);padding:.1rem .35rem;border-radius:4px}
.method{font:700 .75rem/1 ui-monospace,monospace;padding:.3rem .45rem;border-radius:4px;color:#fff;background:var(--muted)}
.method.GET{background:var(--get)}.method.POST{background:var(--post)}.method.PUT,.method.PATCH{background:var(--put)}.method.DELETE{background:var(--delete)}
.badge{font-size:.75rem;padding:.1rem .45rem;border-radius:999px;border:1px solid var(--line);color:var(--muted)}
.badge.inferred{border-style:dashed}
.member{font-size:.85rem;color:var(--muted)}
.desc p{margin:.4rem 0}
.desc pre,.code pre,.sample pre{margin:0;padding:.7rem;overflow-x:auto;background:var(--soft);border:1px solid var(--line);border-radius:6px}
.code{position:relative;margin:.4rem 0}
.code .label{font-size:.75rem;color:var(--muted)}
.copy{position:absolute;top:1.3rem;right:.35rem;font:inherit;font-size:.75rem;padding:.15rem .5rem;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:4px;cursor:pointer}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
th{font-size:.8rem;color:var(--muted);font-weight:600}
td{overflow-wrap:normal}td:first-child{white-space:nowrap}td:last-child{overflow-wrap:anywhere;min-width:12rem}td p{margin:0 0 .3rem}td code{white-space:pre-wrap;overflow-wrap:anywhere}th{white-space:nowrap}td:first-child code{white-space:nowrap;overflow-wrap:normal}
.tree,.tree ul{list-style:none;margin:0;padding-left:1rem;border-left:1px solid var(--line)}
.tree{padding-left:.6rem}
.tree li{margin:.1rem 0}
.type{color:var(--muted)}
.req{font-size:.75rem;color:var(--delete)}
details.response{margin:.5rem 0;border:1px solid var(--line);border-radius:6px;padding:.3rem .6rem}
details.response>summary{cursor:pointer;font-weight:600}
.note{margin:.5rem 0;padding:.5rem .7rem;background:var(--soft);border-left:3px solid var(--accent);border-radius:4px}
.empty{color:var(--muted)}
mark{background:var(--mark);color:inherit}
[hidden]{display:none!important}
/* Operations, folders and contents folders are rendered only near the screen: a search that shows or hides
   thousands of operations restyles and lays out only those on screen (the script sizes each folder's placeholder) */
.op,section.folder,nav li.folder{content-visibility:auto;contain-intrinsic-size:auto 40rem;contain:layout style paint}
section.folder>h2{margin-top:1rem}
/* What a search brings on screen is rendered in the keystroke's own frame: an element skipped while off the
   screen is rendered only a frame after it comes on screen, so it would first show blank. The containment
   content-visibility brings is stated outright, so that switching to visible and back leaves it as it is:
   a change of containment cost ~20 ms of style and layout on a 2,000-operation page */
.op.near,section.folder.near,nav li.folder.near{content-visibility:visible}
/* A hidden operation or folder keeps its rendered state, so showing it again after a search costs little;
   hiding a contents folder with display:none cost ~25 ms a keystroke on 100 folders */
.op[hidden],section.folder[hidden],nav li.folder[hidden]{display:block!important;content-visibility:hidden;contain-intrinsic-size:0 0;height:0;margin:0;padding:0;border:0}
@media (max-width:52rem){.layout{display:block}nav{position:static;max-height:none;border-right:0;border-bottom:1px solid var(--line)}nav>details:not([open])>ul{display:none}main{padding:1rem .75rem 3rem}.op{padding:.75rem}
table.params thead{display:none}table.params tr{display:block;padding:.4rem 0;border-bottom:1px solid var(--line)}table.params td{display:block;border:0;padding:.1rem 0}table.params td:nth-child(n+2):not(:last-child)::before{color:var(--muted);font-size:.8rem}table.params td:nth-child(2)::before{content:"in: "}table.params td:nth-child(3)::before{content:"type: "}table.params td:nth-child(4)::before{content:"required: "}table.params td:nth-child(5)::before{content:"default / example: "}}
`;

export const PAGE_JS = `
(function () {
  'use strict';
  var input = document.getElementById('search');
  var count = document.getElementById('count');
  var none = document.getElementById('no-results');
  var ops = document.querySelectorAll('article.op');
  var total = ops.length;
  // The search index, built once: each operation's text, its entry in the contents, its section and
  // the contents folders above it, nearest first. A keystroke then touches only what changes state.
  var texts = new Array(total);
  var entries = new Array(total);
  var sectionOf = new Array(total);
  var foldersOf = new Array(total);
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.folder'));
  var navFolders = Array.prototype.slice.call(document.querySelectorAll('nav li.folder'));
  var sectionIndex = new Map(sections.map(function (section, i) { return [section, i]; }));
  var folderIndex = new Map(navFolders.map(function (item, i) { return [item, i]; }));
  // How many operations each folder holds that the search wants shown (at first, all of them).
  var sectionWanted = sections.map(function () { return 0; });
  var folderWanted = navFolders.map(function () { return 0; });
  var sectionHidden = sections.map(function () { return false; });
  var folderHidden = navFolders.map(function () { return false; });
  var entryOf = new Map();
  var links = document.querySelectorAll('nav li.opl > a');
  for (var l = 0; l < links.length; l++) entryOf.set(links[l].getAttribute('href'), links[l].parentNode);
  for (var i = 0; i < total; i++) {
    var op = ops[i];
    texts[i] = op.getAttribute('data-s') || '';
    var entry = entryOf.get('#' + op.id) || null;
    entries[i] = entry;
    var section = sectionIndex.has(op.parentNode) ? sectionIndex.get(op.parentNode) : -1;
    sectionOf[i] = section;
    if (section >= 0) sectionWanted[section]++;
    var above = [];
    for (var node = entry && entry.parentNode; node && node.tagName !== 'NAV'; node = node.parentNode) {
      if (folderIndex.has(node)) { above.push(folderIndex.get(node)); folderWanted[folderIndex.get(node)]++; }
    }
    foldersOf[i] = above;
  }
  // Until a folder is first rendered, its placeholder is about as tall as its operations' (a CSSOM
  // style, which the page's Content-Security-Policy allows, unlike a style attribute in the markup).
  sections.forEach(function (section, s) { section.style.containIntrinsicSize = 'auto ' + (3 + 41 * sectionWanted[s]) + 'rem'; });
  navFolders.forEach(function (item, f) { item.style.containIntrinsicSize = 'auto ' + (2 + 1.5 * folderWanted[f]) + 'rem'; });
  // What the search wants shown, and what the page shows: they differ only below the first screens
  // and inside hidden folders, for the few frames it takes to bring the rest of the page in line.
  var want = new Uint8Array(total).fill(1);
  var shown = new Uint8Array(total).fill(1);
  var query = '';
  var searching = false;
  var pending = total;
  var timer = 0;
  // Matching operations shown at once, in page order, before the rest follows: more than the screen
  // and the contents beside it show.
  var FIRST = 40;
  // The first matches that land on screen, in the page and in the contents, with their folders.
  var NEAR_OPS = 4;
  var NEAR_ENTRIES = 40;
  var near = [];
  // Milliseconds of work per task while bringing the rest in line, so that a key press waits little.
  var BUDGET = 5;
  // Work done in the background stops early when a key press or click waits, so that it waits for nothing.
  var scheduling = navigator.scheduling;
  function inputWaits() { return Boolean(scheduling && scheduling.isInputPending && scheduling.isInputPending()); }
  // While searching, the introduction steps aside so the first match is at the top.
  var intro = Array.prototype.slice.call(document.querySelectorAll('.intro'));
  function show(i, hit) {
    shown[i] = hit;
    ops[i].hidden = !hit;
    if (entries[i]) entries[i].hidden = !hit;
  }
  // An operation whose folder is hidden in the page and in the contents cannot be seen, whatever its own state.
  function outOfSight(i) {
    var folder = foldersOf[i][0];
    return sectionOf[i] >= 0 && sectionHidden[sectionOf[i]] && (folder === undefined || folderHidden[folder]);
  }
  // Brings operations from \`from\` on in line with the search until \`enough\` says so, leaving those out
  // of sight for later when \`inSight\`; returns where it stopped.
  function settle(from, enough, inSight) {
    var visible = 0;
    for (var i = from; i < total; i++) {
      if (want[i] !== shown[i] && !(inSight && outOfSight(i))) show(i, want[i]);
      visible += want[i];
      if (enough(visible)) return i + 1;
    }
    return total;
  }
  // A folder shows while the search wants any operation in it: hiding one folder hides all it holds at once.
  function showFolders() {
    for (var s = 0; s < sections.length; s++) {
      var hideSection = searching && sectionWanted[s] === 0;
      if (sectionHidden[s] !== hideSection) sections[s].hidden = sectionHidden[s] = hideSection;
    }
    for (var f = 0; f < navFolders.length; f++) {
      var hideFolder = searching && folderWanted[f] === 0;
      if (folderHidden[f] !== hideFolder) navFolders[f].hidden = folderHidden[f] = hideFolder;
    }
  }
  // Renders what the search brings on screen in this frame (see the CSS), and stops rendering what it no longer does.
  function markNear() {
    var next = [];
    var marked = new Set();
    function mark(element) { if (element && !marked.has(element)) { marked.add(element); next.push(element); } }
    for (var i = 0, seen = 0; i < total && seen < NEAR_ENTRIES; i++) {
      if (!want[i]) continue;
      if (seen++ < NEAR_OPS) { mark(ops[i]); mark(sections[sectionOf[i]]); }
      for (var a = 0; a < foldersOf[i].length; a++) mark(navFolders[foldersOf[i][a]]);
    }
    for (var k = 0; k < near.length; k++) if (!marked.has(near[k])) near[k].classList.remove('near');
    for (var m = 0; m < next.length; m++) next[m].classList.add('near');
    near = next;
  }
  function settleLater() {
    var start = performance.now();
    pending = settle(pending, function () { return performance.now() - start > BUDGET || inputWaits(); }, false);
    timer = pending < total ? setTimeout(settleLater, 0) : 0;
  }
  function settleAll() {
    clearTimeout(timer);
    pending = settle(pending, function () { return false; }, false);
  }
  function apply() {
    var terms = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var next = terms.join(' ');
    if (next === query) return false;
    query = next;
    searching = terms.length > 0;
    var wanted = 0;
    sectionWanted.fill(0);
    folderWanted.fill(0);
    for (var i = 0; i < total; i++) {
      var text = texts[i];
      var hit = 1;
      for (var t = 0; t < terms.length; t++) if (text.indexOf(terms[t]) < 0) { hit = 0; break; }
      want[i] = hit;
      if (!hit) continue;
      wanted++;
      if (sectionOf[i] >= 0) sectionWanted[sectionOf[i]]++;
      for (var a = 0; a < foldersOf[i].length; a++) folderWanted[foldersOf[i][a]]++;
    }
    clearTimeout(timer);
    showFolders();
    // The first screens now; then, from the top again, what was left out of sight or below.
    settle(0, function (visible) { return visible >= FIRST; }, true);
    markNear();
    pending = 0;
    timer = setTimeout(settleLater, 0);
    for (var n = 0; n < intro.length; n++) if (intro[n].hidden !== searching) intro[n].hidden = searching;
    count.textContent = searching ? wanted + ' of ' + total + ' operations' : total + ' operations';
    none.hidden = wanted !== 0;
    return true;
  }
  input.addEventListener('input', function () {
    if (apply()) window.scrollTo(0, 0);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && document.activeElement !== input) { event.preventDefault(); input.focus(); }
  });
  // A link to an operation the search hides clears the search first.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var op = target.closest('article.op');
    if (op) build(op);
    if (target.closest('[hidden]')) { input.value = ''; apply(); settleAll(); target.scrollIntoView(); }
  }
  window.addEventListener('hashchange', reveal);
  // Each operation's details are made from the page's data (see html-details.ts) after the first
  // frame, a few milliseconds at a time so typing and scrolling stay smooth, nearest the reader
  // first. Collection text goes in as text (esc); descriptions and notes come as safe HTML.
  var data = null;
  // Folded code blocks, built when first opened: [text, language, label?].
  var blocks = [];
  function esc(text) {
    return String(text).replace(/[&<>]/g, function (c) { return c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'; });
  }
  function language(name) { return String(name).replace(/[^a-z]/g, ''); }
  function codeHtml(label, text, lang) {
    return '<div class="code"><span class="label">' + esc(label) + '</span><button type="button" class="copy">Copy</button><pre><code class="language-' + language(lang) + '">' + esc(text) + '</code></pre></div>';
  }
  function folded(summary, block, className) {
    var index = blocks.push(block) - 1;
    return '<details' + (className ? ' class="' + className + '"' : '') + ' data-lazy="' + index + '"><summary>' + summary + '</summary></details>';
  }
  function treeHtml(fields) {
    if (!fields || fields.length === 0) return '';
    var out = '<ul class="tree">';
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      out += '<li><code>' + esc(f[0]) + '</code> <span class="type">' + esc(f[1]) + (f[2] ? '' : ' (optional)') + '</span>' + treeHtml(f[3]) + '</li>';
    }
    return out + '</ul>';
  }
  function schemaHtml(tree, caption) {
    return '<p>' + caption + ' <span class="type">' + esc(tree[0]) + '</span></p>' + treeHtml(tree[1]);
  }
  function parametersHtml(d) {
    var rows = '';
    var params = d.p || [];
    for (var i = 0; i < params.length; i++) {
      var p = params[i];
      var name = '<code>' + esc(p[0]) + '</code>' + (p[1] ? ' <span class="type">(' + esc(p[1]) + ' on the wire)</span>' : '');
      var value = [];
      if (p[6]) value.push('default: client option <code>' + esc(p[6]) + '</code>');
      if (p[7] !== null) value.push('<code>' + esc(p[7]) + '</code>');
      rows += '<tr><td>' + name + '</td><td>' + p[2] + '</td><td>' + esc(p[3]) + (p[5] ? ' (repeated)' : '') + '</td><td>' + (p[4] ? '<span class="req">required</span>' : 'optional') + '</td><td>' + value.join('<br>') + '</td><td>' + p[8] + '</td></tr>';
    }
    var headers = d.h || [];
    for (var h = 0; h < headers.length; h++) {
      rows += '<tr><td><code>' + esc(headers[h][0]) + '</code></td><td>header</td><td>string</td><td>sent by the client</td><td><code>' + esc(headers[h][1]) + '</code></td><td>' + headers[h][2] + '</td></tr>';
    }
    if (!rows) return '';
    return '<h4>Parameters</h4><div class="scroll"><table class="params"><thead><tr><th>name</th><th>in</th><th>type</th><th>required</th><th>default / example</th><th>description</th></tr></thead><tbody>' + rows + '</tbody></table></div>';
  }
  function bodyHtml(b) {
    var out = '<h4>Request body <span class="type">' + esc(b.t) + '</span></h4>';
    if (b.y === 'binary') out += '<p>The raw bytes of a file.</p>';
    else if (b.y === 'text') out += '<p>Text.</p>';
    else out += schemaHtml(data.t[b.k], 'Type:');
    var fields = b.f || [];
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      out += '<p><code>' + esc(f[0]) + '</code> (' + esc(f[1]) + (f[2] ? ', ' + esc(f[2]) : '') + '): ' + f[3] + '</p>';
    }
    if (b.x !== undefined) {
      var lines = b.x.split('\\n').length;
      var label = 'example from the collection';
      out += lines > 20 ? folded('Example (' + lines + ' lines)', [b.x, 'json', label]) : codeHtml(label, b.x, 'json');
    }
    return out;
  }
  function responseHtml(r) {
    var out = '<details class="response"' + (r.o ? ' open' : '') + '><summary>' + esc(r.s) + (r.t ? ' <span class="type">' + esc(r.t) + '</span>' : '') + '</summary>';
    var named = r.c ? ' (type <code>' + esc(r.c) + '</code>)' : '';
    if (r.v) {
      var columns = r.v[1].map(function (column) { return '<code>' + esc(column) + '</code>'; }).join(', ');
      out += '<p>CSV separated by <code>' + esc(r.v[0]) + '</code> with a header row (' + columns + '). The client parses it: each row becomes an object.</p>';
      out += schemaHtml(data.t[r.k], 'Each row' + named + ':');
    } else if (r.k !== undefined) {
      out += schemaHtml(data.t[r.k], 'Body' + named + ':');
    } else {
      out += '<p class="empty">No body in the examples.</p>';
    }
    if (r.h) {
      out += '<p>Headers:</p><ul>' + r.h.map(function (h) { return '<li><code>' + esc(h[0]) + '</code>: <code>' + esc(h[1]) + '</code></li>'; }).join('') + '</ul>';
    }
    if (r.x) out += '<p class="type">Saved examples: ' + r.x.map(esc).join(', ') + '</p>';
    var samples = r.m || [];
    for (var i = 0; i < samples.length; i++) out += folded('Example: ' + esc(samples[i][0]), [samples[i][1], samples[i][2]], 'sample');
    return out + '</details>';
  }
  function detailsHtml(d, notes) {
    var out = codeHtml('TypeScript, with the generated client', d.c, 'ts');
    out += folded('curl', [d.u, 'sh', 'shell']);
    out += parametersHtml(d);
    if (d.b) out += bodyHtml(d.b);
    out += '<h4>Responses</h4>';
    out += d.r.length > 0 ? d.r.map(responseHtml).join('') : '<p class="empty">The collection saves no example response.</p>';
    if (d.n[0] >= 0) out += '<div class="note">' + notes[d.n[0]] + '</div>';
    out += '<h4>Auth</h4>' + notes[d.n[1]];
    if (d.n[2] >= 0) out += '<h4>Errors</h4>' + notes[d.n[2]];
    return out;
  }
  function build(op) {
    var index = op.getAttribute('data-b');
    if (index === null) return;
    op.removeAttribute('data-b');
    if (!data) data = JSON.parse(document.getElementById('${DETAILS_ID}').textContent);
    var details = data.o[Number(index)];
    if (details) op.insertAdjacentHTML('beforeend', detailsHtml(details, data.n));
  }
  var next = 0;
  function buildSome() {
    var start = performance.now();
    while (next < total) {
      build(ops[next++]);
      if (performance.now() - start > 8 || inputWaits()) break;
    }
    if (next < total) setTimeout(buildSome, 0);
    else document.documentElement.setAttribute('data-built', '');
  }
  function buildNearScreen() {
    for (var i = 0; i < total; i++) {
      var box = ops[i].getBoundingClientRect();
      if (box.top > innerHeight * 2) break;
      if (box.bottom > -innerHeight) build(ops[i]);
    }
  }
  // Folded code blocks are built when first opened, as text.
  function element(name, className, text) {
    var made = document.createElement(name);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (!details.open || !details.hasAttribute('data-lazy')) return;
    var block = blocks[Number(details.getAttribute('data-lazy'))];
    details.removeAttribute('data-lazy');
    if (!block) return;
    var pre = element('pre');
    pre.appendChild(element('code', 'language-' + block[1], block[0]));
    if (block.length < 3) { details.appendChild(pre); return; }
    var wrap = element('div', 'code');
    wrap.appendChild(element('span', 'label', block[2]));
    var copy = element('button', 'copy', 'Copy');
    copy.type = 'button';
    wrap.appendChild(copy);
    wrap.appendChild(pre);
    details.appendChild(wrap);
  }, true);
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button.copy');
    if (!button) return;
    var code = button.parentNode.querySelector('code');
    var text = code ? code.textContent : '';
    function done() { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 1200); }
    function fallback() {
      var area = document.createElement('textarea');
      area.value = text; document.body.appendChild(area); area.select();
      try { document.execCommand('copy'); done(); } finally { area.remove(); }
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  });
  // On a phone the contents start folded: the first screen is the search box and the reference.
  var contents = document.querySelector('nav > details');
  if (contents && window.matchMedia('(max-width: 52rem)').matches) contents.open = false;
  // A search typed before the script ran (or kept by the browser on reload) applies at once.
  apply();
  reveal();
  requestAnimationFrame(function () {
    buildNearScreen();
    setTimeout(buildSome, 0);
  });
})();
`;
