/*
 * Writes what only works with JavaScript into the page, in reading order for every
 * browser (partials/header.html, hooks/zhguide/reading_order.py). It runs at the end
 * of the header, before the first paint of the content:
 * - Material's two menu toggles (#__toggles): a text browser, which reads no CSS,
 *   would show them as "[ ] [ ]" before the site name; and the for= of the labels
 *   that open the drawer (data-for in the page, hooks/zhguide/reading_order.py),
 *   and, once the page is read, the page's contents in the navigation with their toggle;
 * - the language selector and search (#__header-tools), and a name for the search
 *   dialog for screen readers.
 * A file, not inline: the site's Content-Security-Policy allows no inline script.
 */
(function () {
  function write(template, change) {
    if (!template) return;
    var fragment = document.createRange().createContextualFragment(template.textContent);
    if (change) change(fragment, template.dataset);
    template.replaceWith(fragment);
  }
  write(document.getElementById("__toggles"));
  /* the toggles' labels (header, overlay, navigation) name them once they exist: data-for -> for */
  function bind() {
    [].forEach.call(document.querySelectorAll("label[data-for]"), function (label) {
      if (document.getElementById(label.dataset.for)) label.htmlFor = label.dataset.for;
    });
  }
  bind();  /* the labels parsed so far; the navigation follows the content */
  document.addEventListener("DOMContentLoaded", function () {
    [].forEach.call(document.querySelectorAll('script[type="text/html"][data-toggle]'), function (template) {
      write(template);  /* the page's contents in the navigation, and their toggle */
    });
    bind();
  });
  write(document.getElementById("__header-tools"), function (fragment, data) {
    var dialog = fragment.querySelector(".md-search[role=dialog]");
    if (dialog) dialog.setAttribute("aria-label", data.searchLabel);
  });
})();
