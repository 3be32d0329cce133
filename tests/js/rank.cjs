// The guide's search ranking (overrides/assets/javascripts/search-*.js) over a built index, for the
// pure tests of tests/test_search_rank.py: node rank.cjs WORKER INDEX < queries.json > answers.json
// WORKER is the built search-worker.js (its first line is the query help), INDEX a variant's
// search_index.json, as published (compact: a space between two Han characters is a word break).
// With --items-only, each answer is only what the reader sees ({query, items}): the ranking runs
// once a query instead of twice (scripts/bench-engines).
"use strict";
const fs = require("fs");
const path = require("path");
const SCRIPTS = path.join(__dirname, "../../overrides/assets/javascripts");
const SearchText = require(path.join(SCRIPTS, "search-text.js"));
const SearchRank = require(path.join(SCRIPTS, "search-rank.js"));
const SearchResults = require(path.join(SCRIPTS, "search-results.js"));

const [worker, indexPath] = process.argv.slice(2).filter((arg) => arg !== "--items-only");
const itemsOnly = process.argv.includes("--items-only");
const help = JSON.parse(fs.readFileSync(worker, "utf8").split("\n", 1)[0].replace(/^self\.QUERY_HELP = /, "").replace(/;$/, ""));
const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
index.docs.forEach((doc) => { doc.title = SearchText.withBreaks(doc.title); doc.text = SearchText.withBreaks(doc.text); });  // as search-worker.js
const engine = SearchRank.engine(index, help);
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(queries.map((query) => {
  if (itemsOnly) return {query, items: SearchResults.results(engine, query).items};
  const found = SearchRank.search(engine, query);
  return {
    query,
    terms: found.terms.map((term) => ({text: term.text, weight: term.weight, bonus: !!term.bonus, alternatives: term.alternatives || []})),
    nearest: found.nearest,
    hits: found.hits.map((hit) => [hit.doc.location, hit.score]),
    items: SearchResults.results(engine, query).items,
  };
})));
