/*
 * Wraps Material's search worker (its URL follows the "#") so that a query
 * typed in either script finds the same sections, shown in the page's script.
 *
 * When the index arrives, its words (already cut by jieba, hooks/search_index.py)
 * are learnt under their folded, Simplified form, using the fold table that
 * the build writes in front of this file (self.QUERY_HELP, with the readers'
 * synonyms and ignored words). A query is folded the same way, cut into the longest
 * known words, and each word written as the index writes it, then handed to
 * Material: "逾期多久會上門" on the Simplified site becomes "逾期 多久 会 上门".
 *
 * The published index is compact (hooks/zh_search.py, compact_index): words are
 * broken by one space, and the fold table is one string of pairs. Before
 * Material reads it, a space between two Han characters becomes U+200B again,
 * so that results show Chinese text without gaps.
 */
(function () {
  "use strict";
  var HAN_CHAR = "[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}]";  /* as hooks/zh_search.py */
  var HAN = new RegExp(HAN_CHAR + "+", "gu");
  var IS_HAN = new RegExp("^" + HAN_CHAR + "+$", "u");
  var HAN_BREAK = new RegExp("(" + HAN_CHAR + ") (?=" + HAN_CHAR + ")", "gu");
  // Material's message numbers, read from its worker by the build (hooks/zhguide/upstream/material_browser.py).
  var MESSAGES = (self.QUERY_HELP || {}).messages || {}, SETUP = MESSAGES.setup, QUERY = MESSAGES.query;
  // Material splits each run of Han characters of a query into the longest
  // index words it finds, but never takes the whole run as one word; a final
  // 〇 (U+3007, a Han character no word of the guide ends with) makes it do so.
  var WHOLE = "\u3007";
  var fold = {}, words = new Map(), longest = 1, synonyms = [], ignore = new Set();

  function folded(text) {
    return Array.from(text, function (char) { return fold[char] || char; }).join("");
  }

  function pairs(text) {
    var chars = Array.from(text || ""), table = {};
    for (var i = 0; i + 1 < chars.length; i += 2) table[chars[i]] = chars[i + 1];
    return table;
  }

  function learn(index) {
    var config = self.QUERY_HELP || {};
    fold = pairs(config.fold);
    index.docs.forEach(function (doc) {
      doc.title = doc.title.replace(HAN_BREAK, "$1\u200b");
      doc.text = doc.text.replace(HAN_BREAK, "$1\u200b");
    });
    synonyms = Object.keys(config.synonyms || {}).map(function (phrase) {
      return [folded(phrase), config.synonyms[phrase]];
    }).sort(function (a, b) { return b[0].length - a[0].length; });
    ignore = new Set((config.ignore || []).map(folded));
    var counts = new Map(), breaks = new RegExp((index.config || {}).separator || "[\\s\\u200b]+", "u");
    index.docs.forEach(function (doc) {
      (doc.title + " " + doc.text).split(breaks).forEach(function (word) {
        if (!IS_HAN.test(word)) return;
        Array.from(word).concat([word]).forEach(function (form) {
          var key = folded(form), seen = counts.get(key) || new Map();
          seen.set(form, (seen.get(form) || 0) + 1);
          counts.set(key, seen);
        });
      });
    });
    counts.forEach(function (forms, key) {
      var best = null;
      forms.forEach(function (count, form) { if (!best || count > forms.get(best)) best = form; });
      words.set(key, best);
      longest = Math.max(longest, Array.from(key).length);
    });
  }

  function cut(run) {
    var chars = Array.from(folded(run)), out = [];
    for (var i = 0; i < chars.length; ) {
      var n = Math.min(longest, chars.length - i);
      while (n > 1 && !words.has(chars.slice(i, i + n).join(""))) n--;
      out.push(chars.slice(i, i + n).join(""));
      i += n;
    }
    return out;
  }

  function rewrite(query) {
    var added = [], rest = folded(query);
    synonyms.forEach(function (entry) {
      if (rest.indexOf(entry[0]) < 0) return;
      rest = rest.split(entry[0]).join(" ");
      added = added.concat(entry[1]);
    });
    var terms = [];
    (folded(query) + " " + added.join(" ")).replace(HAN, " $& ").split(/\s+/).forEach(function (part) {
      if (!IS_HAN.test(part)) { if (part) terms.push(part); return; }
      cut(part).forEach(function (word) { terms.push(word); });
    });
    // Words carry a Chinese question; single characters and particles mostly add noise.
    var meaningful = terms.filter(function (word) { return !ignore.has(word); });
    var long = meaningful.filter(function (word) { return !IS_HAN.test(word) || Array.from(word).length > 1; });
    return (long.length ? long : meaningful.length ? meaningful : terms).map(function (word) {
      return IS_HAN.test(word) ? (words.get(word) || word) + WHOLE : word;
    }).join(" ");
  }

  var listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen(type, listener, options);
    return listen(type, function (event) {
      var message = event.data;
      if (message && message.type === SETUP) learn(message.data);
      if (message && message.type === QUERY && typeof message.data === "string") {
        return listener.call(this, { data: { type: QUERY, data: rewrite(message.data) } });
      }
      return listener.call(this, event);
    }, options);
  };
  /* Material's worker follows the "#" of this worker's address; from file://, where
     iframe-worker (Material's offline plugin) runs a worker as a script in a hidden
     iframe, of this script's address, to which it adds "?" and a time. */
  var address = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  importScripts(decodeURIComponent(address.slice(address.indexOf("#") + 1).replace(/\?\d*$/, "")));
})();
