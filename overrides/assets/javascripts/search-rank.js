/*
 * The guide's own search ranking, run inside Material's search worker
 * (search-worker.js hands it Material's index and each query; Material's UI
 * shows what it returns, search-results.js). Pure functions: tests/js/
 * drives them under node; the build writes them into the search worker.
 *
 * A query is folded to Simplified (the fold table of QUERY_HELP), then read
 * as terms, none of them dropped:
 * - Han text is cut into the longest words the index knows; question words
 *   (QUERY_HELP.ignore) stay, at a low weight; a run of characters the index
 *   has no word for is read as its Han bigrams ("本金" where the index only
 *   has "还本金"), a lone character at a lower weight;
 * - two neighbouring words also count together, as a phrase ("信用" "记录");
 * - a reader's phrasing (QUERY_HELP.synonyms) adds the guide's words as
 *   alternatives for the words it covers, never instead of them.
 * A section also answers to the words readers ask it in (its entry's
 * `asked`): they count as the index's words, below its heading; and to the
 * words of the judged queries it answers (`learnt`), which count alike but
 * are no words of the index, so they never change how a query is cut.
 * Each section is scored on its folded text, without word breaks, so a word
 * inside a longer one still counts: per term, its rarity (BM25's idf) times
 * a match in the question heading or its count in the text; the sum is
 * weighed by how much of the query the section covers. A page's own entry
 * (its introduction) weighs its boost. When no word of the query is on any
 * section, single characters and near-miss numbers (95558) are tried: the
 * nearest sections (search-results.js opens them with a line that points to
 * the official channel). Otherwise the sections whose example queries are
 * nearest the query (search-examples.js) get its votes: each section's score,
 * as a share of the best one's, plus its share of the most votes, weighed
 * (TUNING.examples); a section found by its examples alone joins the results.
 */
var SearchRank = (function (Text, Examples) {
  "use strict";
  var IS_HAN = new RegExp("^" + Text.HAN_CHAR + "+$", "u");
  var OTHER = "(?:(?!" + Text.HAN_CHAR + ")[\\p{L}\\p{N}])+";  /* a Latin word, a number */
  var PIECES = new RegExp(Text.HAN_CHAR + "+|" + OTHER, "gu"), OTHERS = new RegExp(OTHER, "gu");
  var WEIGHT = {word: 1, char: 0.8, bigram: 1, question: 0.15, phrase: 0.6, synonym: 0.9};
  var TUNING = {title: 4, asked: 3, pageTitle: 0.3, k1: 1.2, b: 0.5, coverage: 2, examples: 1};

  function engine(index, help) {
    var fold = Text.folding(help), breaks = new RegExp((index.config || {}).separator || "[\\s\\u200b]+", "u");
    var folded = function (text) { return Text.foldChars(Array.from(text), fold).join(""); };
    var words = new Set(), longest = 1, pages = new Map();
    var docs = index.docs.map(function (doc) {
      var title = Text.readable(doc.title), text = Text.readable(doc.text);  /* the same online and offline */
      [title, text, doc.parts || ""].join(" ").split(breaks).forEach(function (word) {
        if (IS_HAN.test(word)) words.add(folded(word));
      });
      var page = doc.location.split("#")[0], ways = (doc.asked || []).map(folded);
      ways.forEach(function (word) { if (IS_HAN.test(word)) words.add(word); });  /* learnt words cut no query */
      var entry = {location: doc.location, page: page, boost: doc.boost === undefined ? 1 : doc.boost,
        title: Text.field(title, fold), text: Text.field(text, fold),
        asked: ways.concat((doc.learnt || []).map(folded)).join("\n"), examples: doc.examples || []};
      if (doc.location === page) pages.set(page, entry);
      return entry;
    });
    var length = docs.reduce(function (sum, doc) { return sum + doc.text.length; }, 0) / (docs.length || 1);
    var synonyms = Object.keys(help.synonyms || {}).map(function (phrase) {
      return [folded(phrase), help.synonyms[phrase].map(folded)];
    }).sort(function (a, b) { return b[0].length - a[0].length; });
    var ignore = new Set((help.ignore || []).map(folded));
    var questionChars = new Set(Array.from(ignore).filter(function (word) { return Array.from(word).length === 1; }));
    ignore.forEach(function (word) { words.add(word); });  /* 会不会 is one question word, not 会 不 会 */
    words.forEach(function (word) { longest = Math.max(longest, Array.from(word).length); });
    return {docs: docs, pages: pages, words: words, longest: longest, averageLength: length, folded: folded,
      synonyms: synonyms, ignore: ignore, notice: (index.config || {}).notice || null,
      examples: Examples.model(docs, folded, questionChars),
      df: new Map()};  /* how many sections hold a text, learnt as queries ask */
  }

  function cut(engine, run) {
    var chars = Array.from(run), out = [];
    for (var i = 0; i < chars.length; ) {
      var n = Math.min(engine.longest, chars.length - i);
      while (n > 1 && !engine.words.has(chars.slice(i, i + n).join(""))) n--;
      out.push({text: chars.slice(i, i + n).join(""), start: i});
      i += n;
    }
    return out;
  }

  /* The query's terms: {text, weight, alternatives, bonus}, in the query's order. */
  function analyse(engine, query) {
    var q = engine.folded(query), terms = [], offset = 0;
    (q.match(PIECES) || []).forEach(function (piece) {
      var start = q.indexOf(piece, offset), run = [];
      offset = start + piece.length;
      if (!IS_HAN.test(piece)) return void terms.push({text: piece, weight: WEIGHT.word, start: start, end: offset});
      var pieces = cut(engine, piece), base = Array.from(q.slice(0, start)).length;
      for (var i = 0; i < pieces.length; i++) {
        var word = pieces[i], at = base + word.start;
        if (engine.ignore.has(word.text)) { run.push({text: word.text, weight: WEIGHT.question, start: at, end: at + Array.from(word.text).length}); continue; }
        if (Array.from(word.text).length > 1) { run.push({text: word.text, weight: WEIGHT.word, word: true, start: at, end: at + Array.from(word.text).length}); continue; }
        var j = i;  /* characters the index has no word for: their bigrams, or the lone character */
        while (j + 1 < pieces.length && Array.from(pieces[j + 1].text).length === 1 && !engine.ignore.has(pieces[j + 1].text)) j++;
        var unknown = pieces.slice(i, j + 1).map(function (p) { return p.text; });
        if (unknown.length === 1) run.push({text: unknown[0], weight: WEIGHT.char, start: at, end: at + 1});
        for (var k = 0; k + 1 < unknown.length; k++) run.push({text: unknown[k] + unknown[k + 1], weight: WEIGHT.bigram, start: at + k, end: at + k + 2});
        i = j;
      }
      run.forEach(function (term, n) {
        terms.push(term);
        var next = run[n + 1];
        if (next && term.weight > WEIGHT.question && next.weight > WEIGHT.question && next.start >= term.end) {
          terms.push({text: term.text + next.text, weight: WEIGHT.phrase, bonus: true, start: term.start, end: next.end});
        }
      });
    });
    var chars = Array.from(q), taken = chars.map(function () { return false; });
    engine.synonyms.forEach(function (entry) {
      var phrase = Array.from(entry[0]);
      for (var at = 0; at + phrase.length <= chars.length; at++) {
        if (chars.slice(at, at + phrase.length).join("") !== entry[0] || taken[at]) continue;
        var end = at + phrase.length;
        var splits = terms.some(function (term) {  /* 免 inside 避免: a word, or a lone character's bigram */
          return (term.word || phrase.length === 1) && !term.bonus && term.start < end && term.end > at && (term.start < at || term.end > end);
        });
        if (splits) continue;
        for (var n = at; n < end; n++) taken[n] = true;
        terms.forEach(function (term) {
          if (!term.bonus && term.start < end && term.end > at) term.alternatives = (term.alternatives || []).concat(entry[1]);
        });
      }
    });
    return terms;
  }

  function frequency(engine, text) {
    if (!engine.df.has(text)) {
      engine.df.set(text, engine.docs.filter(function (doc) { return doc.title.text.indexOf(text) >= 0 || doc.text.text.indexOf(text) >= 0 || doc.asked.indexOf(text) >= 0; }).length);
    }
    var df = engine.df.get(text), n = engine.docs.length;
    return df ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0;
  }

  /* How well one form of a term matches a section: its rarity, times a heading match or its saturated count in the text. */
  function matchScore(engine, doc, text) {
    var idf = frequency(engine, text);
    if (!idf) return 0;
    var tf = Text.occurrences(doc.text.text, text).length, page = engine.pages.get(doc.page);
    var inTitle = doc.title.text.indexOf(text) >= 0 ? TUNING.title : doc.asked.indexOf(text) >= 0 ? TUNING.asked : 0;
    var inPage = page && page !== doc && page.title.text.indexOf(text) >= 0 ? TUNING.pageTitle : 0;
    var saturated = tf * (TUNING.k1 + 1) / (tf + TUNING.k1 * (1 - TUNING.b + TUNING.b * doc.text.length / engine.averageLength));
    return idf * (inTitle + inPage + saturated);
  }

  function score(engine, doc, terms) {
    var total = 0, covered = 0, possible = 0, matched = [];
    terms.forEach(function (term) {
      var forms = [[term.text, 1]].concat((term.alternatives || []).map(function (text) { return [text, WEIGHT.synonym]; }));
      var best = 0, rarity = 0, form = null;
      forms.forEach(function (entry) {
        var value = matchScore(engine, doc, entry[0]) * entry[1];
        rarity = Math.max(rarity, frequency(engine, entry[0]) * entry[1]);
        if (value > best) { best = value; form = entry[0]; }
      });
      total += term.weight * best;
      if (form && term.weight > WEIGHT.question) matched.push(form);  /* what the result marks */
      if (term.bonus) return;
      possible += term.weight * rarity;
      if (best > 0) covered += term.weight * rarity;
    });
    var coverage = possible ? covered / possible : 0;
    return {doc: doc, score: total * Math.pow(coverage, TUNING.coverage) * doc.boost, matched: matched};
  }

  function ranked(engine, terms) {
    return engine.docs.map(function (doc) { return score(engine, doc, terms); })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score; });  /* stable: a tie keeps the index's order, online and offline */
  }

  function distance(a, b) {  /* edit distance, for near-miss numbers and Latin words */
    var row = Array.from({length: b.length + 1}, function (_, i) { return i; });
    for (var i = 1; i <= a.length; i++) {
      var previous = row[0]; row[0] = i;
      for (var j = 1; j <= b.length; j++) {
        var kept = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = kept;
      }
    }
    return row[b.length];
  }

  /* When no word of the query is on any section: its characters, and numbers or words one edit away. */
  function nearest(engine, terms) {
    var near = [], seen = new Set();
    terms.forEach(function (term) {
      if (IS_HAN.test(term.text)) {
        Array.from(term.text).forEach(function (char) {
          if (!seen.has(char) && !engine.ignore.has(char)) { seen.add(char); near.push({text: char, weight: WEIGHT.char}); }
        });
        return;
      }
      engine.docs.forEach(function (doc) {
        ((doc.title.text + "\n" + doc.text.text).match(OTHERS) || []).forEach(function (word) {
          if (!seen.has(word) && term.text.length > 3 && distance(word, term.text) === 1) { seen.add(word); near.push({text: word, weight: WEIGHT.word}); }
        });
      });
    });
    return ranked(engine, near);
  }

  /* The hits with the votes of the examples nearest the query: shares of the best score and of the most votes. */
  function withExamples(engine, hits, query) {
    var votes = Examples.votes(engine.examples, query), most = 0, top = hits[0].score;
    votes.forEach(function (vote) { most = Math.max(most, vote); });
    if (!most) return hits;
    var found = new Map(hits.map(function (hit) { return [hit.doc, hit]; }));
    votes.forEach(function (_, doc) {
      if (!found.has(doc)) { found.set(doc, {doc: doc, score: 0, matched: []}); hits.push(found.get(doc)); }
    });
    hits.forEach(function (hit) { hit.score = hit.score / top + TUNING.examples * (votes.get(hit.doc) || 0) / most; });
    return hits.sort(function (a, b) { return b.score - a.score; });
  }

  /* Ranked sections for a query, whether they are only the nearest ones, and the query's terms. */
  function search(engine, query) {
    var terms = analyse(engine, query);
    var hits = ranked(engine, terms).filter(function (hit) { return hit.matched.length; });  /* not on question words alone */
    if (!hits.length) return {hits: nearest(engine, terms), nearest: true, terms: terms};
    return {hits: withExamples(engine, hits, query), nearest: false, terms: terms};
  }

  return {WEIGHT: WEIGHT, TUNING: TUNING, engine: engine, analyse: analyse, search: search, withExamples: withExamples};
})(typeof SearchText === "object" ? SearchText : require("./search-text.js"),
  typeof SearchExamples === "object" ? SearchExamples : require("./search-examples.js"));
if (typeof module === "object" && module.exports) module.exports = SearchRank;
