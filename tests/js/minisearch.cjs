// MiniSearch (npm, pinned in package.json) over the same built index, for scripts/bench-engines:
// node minisearch.cjs WORKER INDEX < queries.json > answers.json, answers as rank.cjs gives them.
// Fair to MiniSearch: it gets the guide's whole reading of a query (folded, cut into the index's
// words, question words weighed low, readers' phrasings and the words readers ask each section
// in, from the worker's QUERY_HELP and the index), the index's own words, and the same boosts (heading 4,
// asked 3, a page's own entry 0.1), the same votes of the nearest example queries (search-examples.js),
// added alike, and the same result list (the ranking's order, search-results.js). What differs is the
// engine: MiniSearch's BM25 over whole words (a term also matches words it begins: prefix search),
// combined with OR.
"use strict";
const fs = require("fs");
const path = require("path");
const MiniSearch = require("minisearch");
const SCRIPTS = path.join(__dirname, "../../overrides/assets/javascripts");
const SearchText = require(path.join(SCRIPTS, "search-text.js"));
const SearchRank = require(path.join(SCRIPTS, "search-rank.js"));
const SearchResults = require(path.join(SCRIPTS, "search-results.js"));

const [worker, indexPath] = process.argv.slice(2);
const help = JSON.parse(fs.readFileSync(worker, "utf8").split("\n", 1)[0].replace(/^self\.QUERY_HELP = /, "").replace(/;$/, ""));
const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
index.docs.forEach((doc) => { doc.title = SearchText.withBreaks(doc.title); doc.text = SearchText.withBreaks(doc.text); });
const engine = SearchRank.engine(index, help);  // the guide's query reading, for the same terms
const breaks = new RegExp(index.config.separator, "u");
const words = (text) => text.split(breaks).map((word) => engine.folded(word)).filter(Boolean);
const docs = index.docs.map((doc, id) => ({
  id, location: doc.location, boost: doc.boost === undefined ? 1 : doc.boost,
  title: SearchText.readable(doc.title), text: SearchText.readable(doc.text) + " " + (doc.parts || ""),
  asked: (doc.asked || []).concat(doc.learnt || []).join(" "),
}));
const search = new MiniSearch({
  fields: ["title", "text", "asked"], storeFields: ["location"],
  tokenize: (text) => words(text), processTerm: (term) => term,
});
search.addAll(docs);
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(queries.map((query) => {
  const terms = SearchRank.analyse(engine, query), weight = new Map();
  terms.forEach((term) => [term.text, ...(term.alternatives || [])].forEach((text, n) => {
    weight.set(text, Math.max(weight.get(text) || 0, term.weight * (n ? SearchRank.WEIGHT.synonym : 1)));
  }));
  const hits = search.search({combineWith: "OR", queries: [...weight.keys()]}, {
    tokenize: (text) => [text], boost: {title: 4, asked: 3}, prefix: true,
    boostTerm: (term) => weight.get(term) || 1, boostDocument: (id) => docs[id].boost,
  });
  // the guide's votes and result list over MiniSearch's scores (engine.docs is the index's order, as docs)
  const found = hits.map((hit) => ({doc: engine.docs[hit.id], score: hit.score, matched: []}));
  const ranked = found.length ? SearchRank.withExamples(engine, found, query) : found;
  const items = SearchResults.grouped(ranked).map((group) => group.hits.map((one) => ({location: one.hit.doc.location, score: one.score})));
  return {query, hits: ranked.map((hit) => [hit.doc.location, hit.score]), items};
})));
