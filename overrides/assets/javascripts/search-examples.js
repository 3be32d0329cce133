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

  /* The norm of counts weighed by idf; each feature of some weight goes to `each(feature, weight)`. */
  function weighed(counts, idf, each) {
    var norm = 0;
    counts.forEach(function (count, feature) {
      var weight = count * (idf.get(feature) || 0);
      if (weight) { each(feature, weight); norm += weight * weight; }
    });
    return Math.sqrt(norm);
  }

  /* The examples of an index's docs ({examples: [query]}), folded: `fold` folds a text, `skip`
     holds the characters that are no feature on their own. Each feature lists the examples that
     have it and its weight there, so a query meets only the examples it shares a feature with. */
  function model(docs, fold, skip) {
    var examples = [], df = new Map();
    docs.forEach(function (doc) {
      (doc.examples || []).forEach(function (query) {
        var counts = features(fold(query), skip);
        counts.forEach(function (_, feature) { df.set(feature, (df.get(feature) || 0) + 1); });
        examples.push({doc: doc, counts: counts});
      });
    });
    var idf = new Map(), postings = new Map();
    df.forEach(function (n, feature) { idf.set(feature, Math.log(1 + examples.length / n)); postings.set(feature, []); });
    examples.forEach(function (example, at) {
      example.norm = weighed(example.counts, idf, function (feature, weight) { postings.get(feature).push([at, weight]); });
    });
    return {examples: examples, idf: idf, postings: postings, skip: skip, fold: fold};
  }

  /* Votes for the docs of the examples nearest a query: Map doc -> sum of their similarities. */
  function votes(model, query) {
    var asked = new Map(), found = new Map(), dots = new Map();
    var norm = weighed(features(model.fold(query), model.skip), model.idf, function (feature, weight) { asked.set(feature, weight); });
    if (!norm) return found;
    asked.forEach(function (weight, feature) {
      model.postings.get(feature).forEach(function (posting) {
        dots.set(posting[0], (dots.get(posting[0]) || 0) + weight * posting[1]);
      });
    });
    Array.from(dots.keys()).sort(function (a, b) { return a - b; }).map(function (at) {  /* ties: the examples' order */
      var example = model.examples[at];
      return {doc: example.doc, similarity: dots.get(at) / norm / example.norm};
    }).filter(function (near) { return near.similarity > 0; })
      .sort(function (a, b) { return b.similarity - a.similarity; })
      .slice(0, NEAREST)
      .forEach(function (near) { found.set(near.doc, (found.get(near.doc) || 0) + near.similarity); });
    return found;
  }

  return {NEAREST: NEAREST, features: features, model: model, votes: votes};
})(typeof SearchText === "object" ? SearchText : require("./search-text.js"));
if (typeof module === "object" && module.exports) module.exports = SearchExamples;
