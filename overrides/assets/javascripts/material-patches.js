/*
 * Adapter, Material's browser side: the only place this site changes what Material's
 * JavaScript does. It runs deferred, just before Material's deferred bundle
 * (partials/material-search.html), and reads its page's values from the script
 * element's data- attributes: the site's inline-free Content-Security-Policy
 * (deploy/nginx.conf) is why it is a file. The build checks the contract it relies
 * on (hooks/zhguide/upstream/material_browser.py: the worker's file and message
 * numbers, the bundle's Worker and XMLHttpRequest use) and hands over the worker's
 * file; Material 9.8 has no public option for any of these:
 * - Material's partials/javascripts/base.html, an inline script, is forked here
 *   (upstream/material.py pins its checksum): the storage helpers and their scope;
 * - its search worker is replaced by assets/javascripts/search-worker.js, the
 *   guide's ranking in Material's worker protocol (Material's worker has no
 *   hook for queries or ranking);
 * - search costs nothing until the reader reaches for it: Material requests its
 *   index and starts its worker on every page load (no option to load it on
 *   demand), so the index request waits until the search box (.md-search) gets
 *   focus or the search toggle (#__search) is checked (or the page was opened
 *   from a search result, to highlight its words); the worker starts then too,
 *   beside the index request (or with the first message Material sends it);
 * - Material fetches sitemap.xml beside every <link rel="alternate"> to remap its
 *   language switch (no option to turn it off). Those files do not exist (and
 *   may sit on the canonical host, not this one); the switch links already point
 *   at the right page, so those requests are answered with an error at once;
 * - offline, where the search files were never kept (sw.js keeps them once search was used,
 *   or the guide saved), Material would say it is starting its search forever: its meta line
 *   says why search is unavailable instead (data-offline, in the page's script);
 * - Chrome fires DOMContentLoaded, where Material starts all its components, in
 *   the same task as the deferred bundle: one long task on a slow phone. Listeners
 *   for DOMContentLoaded that later scripts add (Material's bundle, any
 *   extra_javascript) run in a task of their own instead, so the browser can paint
 *   and answer a tap between reading the bundle and starting it.
 */
(function (data) {
  /* Material's storage helpers (its partials/javascripts/base.html) verbatim, but for the scope's source */
  __md_scope=new URL(data.scope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};

  function unavailable() {  /* the search worker or the index could not load: offline, never kept */
    var meta = document.querySelector(".md-search-result__meta");
    if (meta && data.offline) meta.textContent = data.offline;
  }

  /* Search is wanted once the reader reaches for it, or opened the page from a result (?h=words). */
  var wanted = /[?&]h=/.test(location.search), waiting = [];
  var NativeWorker = window.Worker;
  var MATERIAL_WORKER = data.worker;  /* Material's search worker, as the build found it */
  /* From file://, this is Material's offline plugin's iframe-worker: the same worker runs in it. */
  if (NativeWorker && MATERIAL_WORKER) {
    window.Worker = function (url, options) {
      var material = new URL(url, location.href).href, worker = null, listeners = [];
      if (material !== new URL(MATERIAL_WORKER, location.href).href) return new NativeWorker(url, options);
      url = data.wrapper;  /* the guide's search worker, in Material's protocol */
      function started() {
        if (!worker) {
          worker = new NativeWorker(url, options);
          worker.addEventListener("error", unavailable);
          listeners.forEach(function (args) { worker.addEventListener.apply(worker, args); });
        }
        return worker;
      }
      if (wanted) started(); else waiting.push(started);  /* it loads while the index does */
      return {
        postMessage: function () { var w = started(); w.postMessage.apply(w, arguments); },
        addEventListener: function () { listeners.push(arguments); if (worker) worker.addEventListener.apply(worker, arguments); },
        removeEventListener: function (type, listener) {
          listeners = listeners.filter(function (args) { return args[0] !== type || args[1] !== listener; });
          if (worker) worker.removeEventListener.apply(worker, arguments);
        },
        terminate: function () { if (worker) worker.terminate(); }
      };
    };
  }

  function searchWanted() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (send) { send(); });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) searchWanted();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) searchWanted();
  });
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.variantSkip = /\/sitemap\.xml$/.test(String(url));
    this.variantIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (request.variantIndex) request.addEventListener("error", unavailable);
    if (request.variantIndex && !wanted) return void waiting.push(function () { send.apply(request, args); });
    if (!request.variantSkip) return send.apply(request, args);
    setTimeout(function () { request.dispatchEvent(new Event("error")); });
  };

  /* DOMContentLoaded listeners added from here on run in a task of their own. */
  var add = document.addEventListener;
  function later(type, listener, options) {
    if (type === "DOMContentLoaded" && typeof listener === "function") {
      var run = listener;
      listener = function (event) { setTimeout(function () { run.call(document, event); }); };
    }
    return add.call(this, type, listener, options);
  }
  document.addEventListener = later;
  add.call(document, "DOMContentLoaded", function () {
    if (document.addEventListener === later) document.addEventListener = add;
  });
})(document.currentScript.dataset);
