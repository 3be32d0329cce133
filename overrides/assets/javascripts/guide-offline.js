/*
 * Offline reading, the page's side (partials/offline-save.html; the worker is sw.js at the site's root).
 *
 * - Registers the worker (over http(s) only; never from file://, where the offline zip is read).
 * - On the reader's first visit the worker starts after the page loaded: the page then hands it
 *   the addresses it already loaded, which the worker keeps from the browser's own cache.
 * - Gives the worker this variant's texts for its offline page (data-offline-title, -text).
 * - On the home page, the save control (.guide-save): save the whole guide with its size, progress,
 *   the saved state with the date of the saved version, and removal. Every text is the control's
 *   own data-, in the page's script.
 * - On every page, once: the notice that the saved guide became a new build (.guide-updated).
 */
(function (script) {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var root = new URL("../../", script.src).href;  /* this file is assets/javascripts/ below the root */
  var home = new URL(script.dataset.home, location.href).href;
  var prefix = home.slice(root.length), locale = document.documentElement.lang;
  var control = document.querySelector(".guide-save"), notice = document.querySelector(".guide-updated");
  var firstVisit = !navigator.serviceWorker.controller;

  function fill(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (all, key) { return values[key]; });
  }

  function text(name, values) {
    return fill(control.dataset[name], values);
  }

  function announce(state) {  /* the saved guide is a new build: say so, once */
    if (!notice || !state || !state.updatedFrom) return;
    notice.textContent = fill(notice.dataset.text, { date: state.date, from: state.updatedFrom });
    notice.hidden = false;
    worker().then(function (sw) { sw.postMessage({ type: "seen", locale: locale }); });
  }

  function styles() {
    return Array.prototype.map.call(document.querySelectorAll("link[rel=stylesheet]"), function (link) {
      return link.href;
    });
  }

  function loaded() {
    var urls = performance.getEntriesByType("resource").map(function (entry) { return entry.name; });
    return [location.href.split("#")[0]].concat(urls).filter(function (url) { return url.indexOf(root) === 0; });
  }

  function show(state, message) {
    var status = control.querySelector(".guide-save__status");
    control.querySelector(".guide-save__remove").hidden = !state;
    control.querySelector(".guide-save__button").hidden = Boolean(state);
    control.querySelector(".guide-save__size").hidden = Boolean(state);
    control.querySelector("progress").hidden = true;
    control.dataset.state = state ? "saved" : "none";
    status.textContent = message || (state ? text("saved", { date: state.date }) : "");
  }

  function worker() {
    return navigator.serviceWorker.ready.then(function (registration) { return registration.active; });
  }

  navigator.serviceWorker.register(root + "sw.js", { scope: root, updateViaCache: "none" });
  worker().then(function (sw) {
    sw.postMessage({ type: "strings", strings: {
      locale: locale, prefix: prefix, styles: styles(),
      title: script.dataset.offlineTitle, text: script.dataset.offlineText,
    } });
    if (firstVisit) sw.postMessage({ type: "keep", urls: loaded() });
    sw.postMessage({ type: "state", locale: locale });
  });

  navigator.serviceWorker.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.locale !== locale) return;
    if (data.type === "state" || data.type === "updated") announce(data.state);
    if (!control) return;
    if (data.type === "progress") {
      var bar = control.querySelector("progress");
      bar.hidden = false;
      bar.max = data.total;
      bar.value = data.done;
      control.querySelector(".guide-save__status").textContent = text("progress", data);
    } else if (data.type === "state" || data.type === "updated") {
      control.querySelector(".guide-save__button").disabled = false;
      show(data.state, data.type === "state" && !data.state && data.removed ? text("removed", {}) : "");
    } else if (data.type === "failed") {
      control.querySelector(".guide-save__button").disabled = false;
      control.querySelector("progress").hidden = true;
      control.querySelector(".guide-save__status").textContent = text("failed", {});
    }
  });
  if (!control) return;
  control.querySelector(".guide-save__button").addEventListener("click", function (event) {
    event.target.disabled = true;
    control.querySelector(".guide-save__status").textContent = text("progress", { done: 0, total: "…" });
    worker().then(function (sw) {
      sw.postMessage({ type: "save", locale: locale, list: prefix + "offline.json" });
    });
  });
  control.querySelector(".guide-save__remove").addEventListener("click", function () {
    worker().then(function (sw) { sw.postMessage({ type: "remove", locale: locale }); });
  });
  control.hidden = false;
})(document.currentScript);
