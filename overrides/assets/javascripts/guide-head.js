/*
 * The guide's first script, in the <head> of every page (partials/variant-script.html),
 * before the first paint. A file, not inline: the site's Content-Security-Policy
 * (deploy/nginx.conf) allows no inline script. Its page's values are the script
 * element's data- attributes.
 *
 * - JavaScript is on: the page takes its final layout (menu and search buttons in
 *   the header) before its first paint, not when Material's deferred bundle runs.
 * - A click on a language link remembers the reader's choice and keeps the
 *   #section the reader is on (every question has the same id in every variant).
 *   From file:// (the offline download) a browser may keep storage per file
 *   (Firefox does), so the link itself carries the choice there: ?variant=.
 * - At the default variant's home (data-homes: the other variants' homes), a
 *   first-time visitor whose browser prefers a Traditional locale (zh-TW, zh-HK,
 *   zh-MO, zh-Hant) goes to that variant, and a remembered choice wins. Any other
 *   page never redirects.
 * - An old #id of a question that moved to another page (anchor_aliases in
 *   hooks/zhguide/link_aliases.py) forwards there.
 */
(function (script) {
  var KEY = "icbc-guide.variant";
  document.documentElement.classList.replace("no-js", "js");
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang]");
    if (!link || !link.closest(".md-select, .variant-switch")) return;
    try { localStorage.setItem(KEY, link.hreflang); } catch (error) {}
    if (location.protocol === "file:") link.search = "?variant=" + encodeURIComponent(link.hreflang);
    if (location.hash) link.hash = location.hash;
  }, true);
  function followMovedAnchor() {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }  /* a malformed #%E0 */
    var alias = id && document.getElementById(id);
    if (alias && alias.dataset.movedTo) location.replace(alias.dataset.movedTo);
  }
  document.addEventListener("DOMContentLoaded", followMovedAnchor);
  addEventListener("hashchange", followMovedAnchor);
  if (!script.dataset.homes) return;
  var homes = JSON.parse(script.dataset.homes);  /* lower-case locale -> that home, relative to this one */
  function home(lang) {
    var key = String(lang || "").toLowerCase();
    return Object.prototype.hasOwnProperty.call(homes, key) ? homes[key] : null;
  }
  var carried = /[?&]variant=([A-Za-z-]+)/.exec(location.search), chosen = null;
  if (carried) {  /* a choice the switch link carried: it wins, and this page remembers it */
    chosen = carried[1];
    try { localStorage.setItem(KEY, chosen); } catch (error) {}
  } else {
    try { chosen = localStorage.getItem(KEY); } catch (error) {}
  }
  if (!chosen) {
    var preferred = (navigator.languages || [navigator.language]).filter(function (lang) {
      return /^zh\b/i.test(lang);
    })[0] || "";
    chosen = home(preferred) || !/^zh-(tw|hk|mo|hant)\b/i.test(preferred) ? preferred : "zh-Hant";
  }
  var target = home(chosen);
  if (target) location.replace(target + location.search.replace(/[?&]variant=[^&]*/, "") + location.hash);
})(document.currentScript);
