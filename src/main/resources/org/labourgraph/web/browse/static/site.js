// labourgraph: progressive enhancement only — the site works without this file.
// 1. Autocomplete on the header search box, from /api/search (results built with DOM nodes, never HTML strings).
// 2. "Copy" buttons for citations.
(function () {
  'use strict';
  var input = document.getElementById('q');
  var list = document.getElementById('suggestions');
  if (input && list) {
    var base = input.getAttribute('data-base') || '';
    var lang = input.getAttribute('data-lang') || 'en';
    var timer = null, active = -1, lastQuery = '';
    var kindNames = {};
    var names = document.getElementById('kind-names');
    if (names) {
      names.content.querySelectorAll('[data-kind]').forEach(function (el) { kindNames[el.getAttribute('data-kind')] = el.textContent; });
    }
    var docPath = function (iri) {
      var id = base + 'id/';
      if (iri.indexOf(id) !== 0) { return null; }
      var rest = iri.substring(id.length);
      return /^[A-Za-z0-9._~\/-]+$/.test(rest) ? '/doc/' + rest : null;
    };
    var close = function () { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; input.removeAttribute('aria-activedescendant'); };
    var select = function (i) {
      var items = list.querySelectorAll('li');
      if (!items.length) { return; }
      active = (i + items.length) % items.length;
      items.forEach(function (li, k) { li.setAttribute('aria-selected', k === active ? 'true' : 'false'); });
      input.setAttribute('aria-activedescendant', items[active].id);
    };
    var show = function (results) {
      list.textContent = '';
      results.forEach(function (r, i) {
        var href = docPath(r.iri);
        if (!href) { return; }
        var li = document.createElement('li');
        li.id = 'suggestion-' + i;
        li.setAttribute('role', 'option');
        var a = document.createElement('a');
        a.href = href + '?lang=' + encodeURIComponent(lang);
        a.textContent = r.label;
        var small = document.createElement('small');
        small.textContent = kindNames[r.type] || r.type;
        a.appendChild(small);
        li.appendChild(a);
        list.appendChild(li);
      });
      if (list.children.length) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); } else { close(); }
    };
    input.addEventListener('input', function () {
      var q = input.value.trim();
      clearTimeout(timer);
      if (q.length < 2) { close(); return; }
      timer = setTimeout(function () {
        lastQuery = q;
        // Labels in the page's language first; if nothing matches in it, any language.
        var ask = function (l) {
          return fetch('/api/search?limit=8&lang=' + l + '&q=' + encodeURIComponent(q))
            .then(function (r) { return r.ok ? r.json() : { results: [] }; })
            .then(function (body) { return body.results || []; });
        };
        ask(lang)
          .then(function (results) { return results.length ? results : ask('any'); })
          .then(function (results) { if (q === lastQuery) { show(results); } })
          .catch(close);
      }, 150);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden) { return; }
      if (e.key === 'ArrowDown') { e.preventDefault(); select(active + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); select(active - 1); }
      else if (e.key === 'Escape') { close(); }
      else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault();
        var a = list.querySelectorAll('li a')[active];
        if (a) { window.location.href = a.href; }
      }
    });
    document.addEventListener('click', function (e) { if (!list.contains(e.target) && e.target !== input) { close(); } });
  }
  document.querySelectorAll('button.copy').forEach(function (b) {
    var target = document.getElementById(b.getAttribute('data-copy'));
    if (!target || !navigator.clipboard) { return; }
    b.hidden = false;
    b.addEventListener('click', function () { navigator.clipboard.writeText(target.textContent.trim()); });
  });
}());
