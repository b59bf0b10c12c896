// The SPARQL page: YASGUI on the endpoint, the example queries as buttons, a query given in ?query=
// preloaded, result downloads (CSV, TSV, JSON) and a shareable link for the current query.
// YASGUI's form controls have no accessible names: each gets one, in the page's language (data-label-* on #yasgui),
// now and whenever YASGUI draws more (a MutationObserver); its colours and tab bar are fixed in yasgui-theme.css.
(function () {
  'use strict';
  var el = document.getElementById('yasgui');
  if (!el || typeof Yasgui === 'undefined') { return; }
  var endpoint = new URL(el.getAttribute('data-endpoint'), window.location.href).href;
  var fallback = document.getElementById('fallback-form');
  var initial = document.getElementById('fallback-query').value;
  fallback.hidden = true;
  var yasgui = new Yasgui(el, {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null
  });
  var labels = [
    ['.CodeMirror textarea', 'data-label-editor'], ['input.autocomplete', 'data-label-endpoint'],
    ['.tab input', 'data-label-tab'], ['select', 'data-label-format'], ['input, textarea', 'data-label-other']
  ];
  var name = function () {
    labels.forEach(function (l) {
      el.querySelectorAll(l[0]).forEach(function (c) {
        var labelled = c.hasAttribute('aria-label') || c.hasAttribute('aria-labelledby') || (c.id && document.querySelector('label[for="' + c.id + '"]'));
        if (!labelled) { c.setAttribute('aria-label', el.getAttribute(l[1])); }
      });
    });
    // CodeMirror's scroller holds no focusable element (its input sits beside it): make it one, so that a long
    // query or result can be scrolled from the keyboard (WCAG 2.1.1).
    el.querySelectorAll('.CodeMirror-scroll:not([tabindex])').forEach(function (s) { s.setAttribute('tabindex', '0'); });
  };
  name();
  new MutationObserver(name).observe(el, { childList: true, subtree: true });
  var tab = function () { return yasgui.getTab(); };
  var update = function () {
    var q = tab().getQuery();
    var enc = encodeURIComponent(q);
    document.getElementById('dl-csv').href = '/sparql?output=csv&query=' + enc;
    document.getElementById('dl-tsv').href = '/sparql?output=tsv&query=' + enc;
    document.getElementById('dl-json').href = '/sparql?output=json&query=' + enc;
    document.getElementById('share-link').href = '/query?query=' + enc;
    document.getElementById('downloads').hidden = false;
  };
  if (initial && initial.trim()) { tab().setQuery(initial); }
  tab().getYasqe().on('change', update);
  yasgui.on('tabSelect', function () { setTimeout(update, 0); });
  update();
  document.querySelectorAll('button.example').forEach(function (b) {
    b.addEventListener('click', function () {
      tab().setQuery(b.getAttribute('data-query'));
      update();
      tab().query();
    });
  });
}());
