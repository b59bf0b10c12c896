// The SPARQL page: YASGUI on the endpoint, the example queries as buttons, a query given in ?query=
// preloaded, result downloads (CSV, TSV, JSON) and a shareable link for the current query.
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
