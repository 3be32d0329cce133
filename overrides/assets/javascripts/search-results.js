/*
 * The guide's search results in the form Material's UI reads from its worker
 * (hooks/zhguide/upstream/material_browser.py checks that form): groups of one
 * page's results, each group with its page's own entry (Material's heading of
 * the group); a result is {location, title, text, score, terms}, its title and
 * text HTML with the query's words marked, its terms the words its page
 * highlights. The reader sees the results in the ranking's order: a group
 * holds one run of a page's results that follow one another in the ranking (a
 * page comes back as a group of its own further down), and the first OPEN
 * results all show; Material folds a group's results that score below its
 * first under "N more on this page", so those of a group after them do. When no word
 * of a query is on any section, the nearest ones follow a line that points to
 * the official channel (the index's `config.notice`): a reader never meets an
 * empty list.
 */
var SearchResults = (function (Text, Rank) {
  "use strict";
  var SHOWN = 40, OPEN = 5;

  /* A field as HTML, the matched forms marked; the text only in its lines that match (at most two). */
  function marked(value, forms, lines) {
    var on = value.chars.map(function () { return false; }), html = "", parts = [];
    forms.forEach(function (form) {
      var length = form.length;
      Text.occurrences(value.text, form).forEach(function (at) {
        for (var i = value.at[at]; i <= value.at[at + length - 1]; i++) on[i] = true;
      });
    });
    value.chars.forEach(function (char, i) {
      if (on[i] && !on[i - 1]) html += "<mark>";
      html += char === "\n" ? "\n" : Text.escaped(char);
      if (on[i] && !on[i + 1]) html += "</mark>";
    });
    if (!lines) return html;
    html.split("\n").forEach(function (line) { if (line.indexOf("<mark>") >= 0 && parts.length < 2) parts.push(line); });
    return (parts.length ? parts : html.split("\n").slice(0, 1)).join(" … ");
  }

  function item(hit) {
    var doc = hit.doc, terms = {};
    hit.matched.forEach(function (form) {
      [doc.title, doc.text].some(function (value) {
        var at = value.text.indexOf(form);
        if (at < 0) return false;
        terms[value.chars.slice(value.at[at], value.at[at + form.length - 1] + 1).join("").replace(/\u200b/g, "")] = true;
        return true;
      });
    });
    return {location: doc.location, title: marked(doc.title, hit.matched, false),
      text: marked(doc.text, hit.matched, true), score: hit.score, terms: terms};
  }

  /* The first SHOWN hits as runs of one page's hits that follow one another: [{page, hits: [{hit,
     score}]}], the score Material reads; the first OPEN show, their score raised to their run's first. */
  function grouped(hits) {
    var groups = [];
    hits.slice(0, SHOWN).forEach(function (hit, rank) {
      var last = groups[groups.length - 1];
      if (!last || last.page !== hit.doc.page) groups.push(last = {page: hit.doc.page, hits: []});
      last.hits.push({hit: hit, score: rank < OPEN && last.hits.length ? last.hits[0].score : hit.score});
    });
    return groups;
  }

  /* Material's search result: groups of a page's consecutive results, in the ranking's order, each with its page's own entry. */
  function results(engine, query) {
    var found = Rank.search(engine, query), top = found.hits.length ? found.hits[0].score : 1;
    if (!found.terms.length) return {items: []};  /* nothing typed yet: Material's placeholder */
    var items = grouped(found.hits).map(function (group) {
      var shown = group.hits.map(function (one) { return Object.assign(item(one.hit), {score: one.score}); });
      var entry = engine.pages.get(group.page);
      if (entry && !shown.some(function (one) { return one.location === group.page; })) {
        shown.push(item({doc: entry, score: 0, matched: []}));
      }
      return shown;
    });
    var notice = engine.notice, page = notice && engine.pages.get(notice.location.split("#")[0]);
    if (found.nearest && page) {
      items.unshift([{location: notice.location, title: Text.escaped(notice.title), text: Text.escaped(notice.text), score: 2 * top, terms: {}},
        item({doc: page, score: 0, matched: []})]);
    }
    return {items: items};
  }

  return {results: results, grouped: grouped};
})(typeof SearchText === "object" ? SearchText : require("./search-text.js"),
  typeof SearchRank === "object" ? SearchRank : require("./search-rank.js"));
if (typeof module === "object" && module.exports) module.exports = SearchResults;
