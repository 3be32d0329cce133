/*
 * The text of the guide's search (search-rank.js): the index's and the
 * query's characters folded to Simplified with OpenCC's whole tables
 * (QUERY_HELP: characters, then phrases that fold otherwise, both one for
 * one so that a folded text keeps its characters' places), and a section's
 * fields as plain text to match and to mark. Pure functions: tests/js/ runs
 * them under node; the build writes them into the search worker.
 */
var SearchText = (function () {
  "use strict";
  var HAN_CHAR = "[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}]";  /* as hooks/zh_search.py */
  var ENTITIES = {amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'"};
  var HAN_BREAK = new RegExp("(" + HAN_CHAR + ") (?=" + HAN_CHAR + ")", "gu");

  /* The fold tables of QUERY_HELP: characters as pairs, phrases as "繁简" entries joined by "|". */
  function folding(help) {
    var chars = Array.from(help.fold || ""), table = new Map(), phrases = new Map();
    for (var i = 0; i + 1 < chars.length; i += 2) table.set(chars[i], chars[i + 1]);
    (help.phrases || "").split("|").forEach(function (entry) {
      var both = Array.from(entry), half = both.length / 2;
      if (!half) return;
      if (!phrases.has(both[0])) phrases.set(both[0], []);
      phrases.get(both[0]).push([both.slice(0, half), both.slice(half)]);
    });
    phrases.forEach(function (list) { list.sort(function (a, b) { return b[0].length - a[0].length; }); });
    return {chars: table, phrases: phrases};
  }

  /* Characters folded to Simplified and lower case, one for one: phrases first, then each character.
     (A plain loop: it folds every section's text when the worker starts, before the first results.) */
  function foldChars(chars, fold) {
    var out = new Array(chars.length), table = fold.chars, phrases = fold.phrases;
    for (var i = 0; i < chars.length; ) {
      var list = phrases.get(chars[i]), phrase = null;
      for (var p = 0; list && !phrase && p < list.length; p++) {
        var from = list[p][0], n = 0;
        while (n < from.length && chars[i + n] === from[n]) n++;
        if (n === from.length) phrase = list[p][1];
      }
      if (phrase) {
        for (n = 0; n < phrase.length; n++) out[i + n] = phrase[n];
        i += phrase.length;
        continue;
      }
      out[i] = (table.get(chars[i]) || chars[i]).toLowerCase();
      i++;
    }
    return out;
  }

  /* An index's text with its word breaks: the published index is compact (hooks/zh_search.py,
     compact_index), a space between two Han characters is U+200B, so results show no gaps. */
  function withBreaks(text) {
    return text.replace(HAN_BREAK, "$1\u200b");
  }

  /* Text as the reader sees it: tags as line breaks (the offline index keeps HTML), entities decoded. */
  function readable(html) {
    return html.replace(/<[^>]*>/g, "\n").replace(/\s*\n\s*/g, "\n").trim()
      .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, function (all, name) {
        if (name[0] !== "#") return ENTITIES[name.toLowerCase()] || all;
        return String.fromCodePoint(parseInt(name.slice(name[1] === "x" || name[1] === "X" ? 2 : 1), name[1] === "x" || name[1] === "X" ? 16 : 10));
      });
  }

  function escaped(text) {
    return text.replace(/[&<>"]/g, function (char) { return "&" + {"&": "amp", "<": "lt", ">": "gt", "\"": "quot"}[char] + ";"; });
  }

  /* A field for matching: its characters (word breaks left out), folded and lower-cased, and where each came from. */
  function field(text, fold) {
    var chars = Array.from(text), kept = [], plain = [], at = [];
    /* without word breaks: U+200B, and spaces, which the published index writes for it beside Latin text */
    chars.forEach(function (char, i) { if (char !== "\u200b" && char !== " ") kept.push(i); });
    foldChars(kept.map(function (i) { return chars[i]; }), fold).forEach(function (folded, n) {
      plain.push(folded);
      for (var unit = 0; unit < folded.length; unit++) at.push(kept[n]);  /* by UTF-16 unit, as indexOf counts */
    });
    return {chars: chars, text: plain.join(""), at: at, length: plain.length};
  }

  /* Where a needle occurs in a text, by UTF-16 unit. */
  function occurrences(text, needle) {
    var found = [], at = text.indexOf(needle);
    while (at >= 0) { found.push(at); at = text.indexOf(needle, at + needle.length); }
    return found;
  }

  return {HAN_CHAR: HAN_CHAR, folding: folding, foldChars: foldChars, withBreaks: withBreaks, readable: readable,
    escaped: escaped, field: field, occurrences: occurrences};
})();
if (typeof module === "object" && module.exports) module.exports = SearchText;
