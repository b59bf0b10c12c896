// The SPARQL page: YASGUI on the endpoint, the example queries as buttons, a query given in ?query=
// preloaded, result downloads (CSV, TSV, JSON) and a shareable link for the current query.
// YASGUI's form controls have no accessible names: each gets one, in the page's language (data-label-* on #yasgui),
// now and whenever YASGUI draws more (a MutationObserver); its colours and tab bar are fixed in yasgui-theme.css;
// Tab leaves the editor, and the editor's scrolling region can be reached and scrolled from the keyboard.
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
    // CodeMirror's scroller holds no focusable element (its input sits beside it) and CodeMirror gives it
    // tabindex="-1": make it a named, focusable region, so that a long query (an example, a shared link) can be
    // scrolled from the keyboard (WCAG 2.1.1; axe-core's scrollable-region-focusable). Tab from the editor reaches it.
    // The results scroll sideways inside their own box on a narrow screen (yasgui-theme.css): the same for them.
    [['.CodeMirror-scroll', 'data-label-scroll'], ['.yasr_results', 'data-label-results']].forEach(function (r) {
      el.querySelectorAll(r[0] + ':not([tabindex="0"])').forEach(function (s) {
        s.setAttribute('tabindex', '0');
        s.setAttribute('role', 'region');
        s.setAttribute('aria-label', el.getAttribute(r[1]));
      });
    });
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
  // CodeMirror keeps Tab and Shift-Tab to indent, so the keyboard could not leave the editor (WCAG 2.1.2): give them
  // back to the browser. Enter still indents the next line; Ctrl-] and Ctrl-[ indent; autocompletion's own Tab
  // (while its list is open) comes first and still picks.
  var yasqe = tab().getYasqe();
  yasqe.setOption('extraKeys', Object.assign({}, yasqe.getOption('extraKeys'), { 'Tab': false, 'Shift-Tab': false }));
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
