/*
 * Readers' queries as examples for the guide's search (search-rank.js): each
 * section's entry carries the judged reader queries it answers (`examples`,
 * written by scripts/learn-asked from the tuning queries of the judged set).
 * A new query is compared with each of them, as the characters and character
 * pairs they share, each weighed by its rarity among the examples (tf-idf,
 * cosine); the sections of the nearest few get votes, in proportion to how
 * alike they are. A query worded as an earlier one was ("上门是来干嘛的" after
 * "银行派人上门是为了什么") so finds that one's answer, whatever the guide's
 * own words. Pure functions: tests/js/ runs them under node; the build writes
 * them into the search worker.
 */
var SearchExamples = (function (Text) {
  "use strict";
  var NEAREST = 10;  /* examples that vote (chosen on held-out batches, CONTRIBUTING.md: Search) */
  var HAN_RUN = new RegExp(Text.HAN_CHAR + "+", "u");
  var PIECES = new RegExp(Text.HAN_CHAR + "+|(?:(?!" + Text.HAN_CHAR + ")[\\p{L}\\p{N}])+", "gu");

  /* A folded text's features and their counts: its Han characters (not question characters such
     as 吗, 的) and pairs of neighbouring Han characters, and its Latin words and numbers. */
  function features(text, skip) {
    var counts = new Map();
    var add = function (feature) { counts.set(feature, (counts.get(feature) || 0) + 1); };
    (text.match(PIECES) || []).forEach(function (piece) {
      if (!HAN_RUN.test(piece)) return void add(piece);
      var chars = Array.from(piece);
      chars.forEach(function (char, i) {
        if (!skip.has(char)) add(char);
        if (i + 1 < chars.length) add(char + chars[i + 1]);
      });
    });
    return counts;
  }

  function weighed(counts, idf) {
    var vector = new Map(), norm = 0;
    counts.forEach(function (count, feature) {
      var weight = count * (idf.get(feature) || 0);
      if (weight) { vector.set(feature, weight); norm += weight * weight; }
    });
    return {vector: vector, norm: Math.sqrt(norm)};
  }

  /* The examples of an index's docs ({examples: [query]}), folded: `fold` folds a text, `skip`
     holds the characters that are no feature on their own. */
  function model(docs, fold, skip) {
    var examples = [], df = new Map();
    docs.forEach(function (doc) {
      (doc.examples || []).forEach(function (query) {
        var counts = features(fold(query), skip);
        counts.forEach(function (_, feature) { df.set(feature, (df.get(feature) || 0) + 1); });
        examples.push({doc: doc, counts: counts});
      });
    });
    var idf = new Map();
    df.forEach(function (n, feature) { idf.set(feature, Math.log(1 + examples.length / n)); });
    examples.forEach(function (example) { Object.assign(example, weighed(example.counts, idf)); });
    return {examples: examples, idf: idf, skip: skip, fold: fold};
  }

  /* Votes for the docs of the examples nearest a query: Map doc -> sum of their similarities. */
  function votes(model, query) {
    var asked = weighed(features(model.fold(query), model.skip), model.idf), found = new Map();
    if (!asked.norm) return found;
    model.examples.map(function (example) {
      var dot = 0;
      asked.vector.forEach(function (weight, feature) { dot += weight * (example.vector.get(feature) || 0); });
      return {doc: example.doc, similarity: dot / asked.norm / example.norm};
    }).filter(function (near) { return near.similarity > 0; })
      .sort(function (a, b) { return b.similarity - a.similarity; })
      .slice(0, NEAREST)
      .forEach(function (near) { found.set(near.doc, (found.get(near.doc) || 0) + near.similarity); });
    return found;
  }

  return {NEAREST: NEAREST, features: features, model: model, votes: votes};
})(typeof SearchText === "object" ? SearchText : require("./search-text.js"));
if (typeof module === "object" && module.exports) module.exports = SearchExamples;
