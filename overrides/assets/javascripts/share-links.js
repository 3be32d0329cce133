/*
 * A question's ¶ links its share address (q/<id>/, hooks/zhguide/share_pages.py),
 * so that a copied or shared permalink previews as that question. Tapped here, on
 * the page that answers it, it only goes to the question, as a permalink always
 * did: no round trip through the share page. Without JavaScript the share page
 * forwards to the question itself.
 */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.headerlink[data-share]");
  if (!link || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;  /* a new tab or window */
  event.preventDefault();
  location.hash = link.dataset.share;
});
