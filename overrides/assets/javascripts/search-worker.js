/*
 * The guide's search worker, started in place of Material's (material-patches.js):
 * it speaks Material's worker protocol, so Material's UI asks and shows as
 * before, but the guide's own ranking (search-text.js, search-rank.js and
 * search-results.js, which the build writes in front of this file, after
 * self.QUERY_HELP: the fold tables, the readers' phrasings and Material's
 * message numbers) answers each query, in either script. Material's worker
 * is not loaded: it would only build a lunr index that no query reads (about
 * 150 ms of a first search, more on a phone).
 *
 * From file://, Material's offline plugin runs this worker as a script in a
 * hidden iframe (iframe-worker), where addEventListener and postMessage are the
 * shim's: the same code serves both.
 */
(function () {
  "use strict";
  // Material's message numbers, read from its worker by the build (hooks/zhguide/upstream/material_browser.py).
  var HELP = self.QUERY_HELP || {}, MESSAGES = HELP.messages || {};
  var engine = null;

  function learn(index) {
    index.docs.forEach(function (doc) {  /* the compact index's word breaks, as U+200B */
      doc.title = self.SearchText.withBreaks(doc.title);
      doc.text = self.SearchText.withBreaks(doc.text);
    });
    engine = self.SearchRank.engine(index, HELP);
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === MESSAGES.setup) {
      learn(message.data);
      postMessage({type: MESSAGES.ready});
    } else if (message.type === MESSAGES.query && engine && typeof message.data === "string") {
      postMessage({type: MESSAGES.result, data: self.SearchResults.results(engine, message.data)});
    }
  });
})();
