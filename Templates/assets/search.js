/* Folio static search. Loads the index written by `folio build` (search/index/) as <script>
   files, so it works from file:// as well as over HTTP. On every page: `/` focuses the search
   box. On search/index.html: runs the query from ?q= and as you type. No dependencies. */
(function () {
  "use strict";

  // ---- Porter stemmer (the same algorithm as PorterStemmer.swift) ----------------------------
  var step2 = [["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["izer", "ize"],
    ["bli", "ble"], ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"], ["ization", "ize"],
    ["ation", "ate"], ["ator", "ate"], ["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"],
    ["aliti", "al"], ["iviti", "ive"], ["biliti", "ble"], ["logi", "log"]];
  var step3 = [["icate", "ic"], ["ative", ""], ["alize", "al"], ["iciti", "ic"], ["ical", "ic"], ["ful", ""], ["ness", ""]];
  var step4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize"];

  function stem(word) {
    if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;
    var b = word, j = 0;
    function cons(i) {
      var c = b.charAt(i);
      if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
      if (c === "y") return i === 0 ? true : !cons(i - 1);
      return true;
    }
    function m() {
      var n = 0, i = 0, end = j;
      for (;;) { if (i > end) return n; if (!cons(i)) break; i++; }
      i++;
      for (;;) {
        for (;;) { if (i > end) return n; if (cons(i)) break; i++; }
        i++; n++;
        for (;;) { if (i > end) return n; if (!cons(i)) break; i++; }
        i++;
      }
    }
    function vowelInStem() { for (var i = 0; i <= j; i++) if (!cons(i)) return true; return false; }
    function doubleC(i) { return i >= 1 && b.charAt(i) === b.charAt(i - 1) && cons(i); }
    function cvc(i) {
      if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
      var c = b.charAt(i);
      return c !== "w" && c !== "x" && c !== "y";
    }
    function ends(s) {
      if (s.length > b.length || b.slice(b.length - s.length) !== s) return false;
      j = b.length - s.length - 1;
      return true;
    }
    function setTo(s) { b = b.slice(0, j + 1) + s; }
    function r(s) { if (m() > 0) setTo(s); }
    var i, c;
    // Step 1ab
    if (b.charAt(b.length - 1) === "s") {
      if (ends("sses")) b = b.slice(0, -2);
      else if (ends("ies")) setTo("i");
      else if (b.charAt(b.length - 2) !== "s") b = b.slice(0, -1);
    }
    if (ends("eed")) {
      if (m() > 0) b = b.slice(0, -1);
    } else if ((ends("ed") || ends("ing")) && vowelInStem()) {
      b = b.slice(0, j + 1);
      if (ends("at")) setTo("ate");
      else if (ends("bl")) setTo("ble");
      else if (ends("iz")) setTo("ize");
      else if (doubleC(b.length - 1)) {
        c = b.charAt(b.length - 1);
        if (c !== "l" && c !== "s" && c !== "z") b = b.slice(0, -1);
      } else {
        j = b.length - 1;
        if (m() === 1 && cvc(b.length - 1)) b += "e";
      }
    }
    if (b.length > 1) {
      // Step 1c
      if (ends("y") && vowelInStem()) b = b.slice(0, -1) + "i";
      // Step 2
      for (i = 0; i < step2.length; i++) if (ends(step2[i][0])) { r(step2[i][1]); break; }
      // Step 3
      for (i = 0; i < step3.length; i++) if (ends(step3[i][0])) { r(step3[i][1]); break; }
      // Step 4
      for (i = 0; i < step4.length; i++) {
        if (ends(step4[i])) {
          if (step4[i] === "ion" && !(j >= 0 && (b.charAt(j) === "s" || b.charAt(j) === "t"))) break;
          if (m() > 1) b = b.slice(0, j + 1);
          break;
        }
      }
      // Step 5
      j = b.length - 1;
      if (b.charAt(b.length - 1) === "e") {
        j = b.length - 2;
        var a = m();
        if (a > 1 || (a === 1 && !cvc(b.length - 2))) b = b.slice(0, -1);
      }
      j = b.length - 1;
      if (b.charAt(b.length - 1) === "l" && doubleC(b.length - 1) && m() > 1) b = b.slice(0, -1);
    }
    return b;
  }

  // ---- Tokenizer (the same rules as SearchTokenizer.swift) -----------------------------------
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  function fold(w) { return w.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); }
  function isWord(w) { return w.length <= 32 && (w.length > 1 || /[0-9]/.test(w)); }
  /** Words of `text` with their offsets: [{word, start, end}]. */
  function wordsWithOffsets(text) {
    var out = [], match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      if (isWord(match[0])) out.push({ word: fold(match[0]), start: match.index, end: match.index + match[0].length });
    }
    return out;
  }

  // ---- Index loading -----------------------------------------------------------------------
  var state = { base: null, meta: null, shards: {}, fragments: {}, pending: {}, stop: {} };

  function load(path, isReady) {
    if (isReady()) return Promise.resolve();
    if (state.pending[path]) return state.pending[path];
    var promise = new Promise(function (resolve) {
      var script = document.createElement("script");
      script.src = state.base + path;
      script.async = true;
      script.onload = function () { resolve(); };
      script.onerror = function () { resolve(); };
      document.head.appendChild(script);
    });
    state.pending[path] = promise;
    return promise;
  }

  function loadShard(n) {
    return load("s/" + n + ".js", function () { return !!state.shards[n]; });
  }

  function loadFragment(n) {
    return load("f/" + n + ".js", function () { return !!state.fragments[n]; });
  }

  var api = window.folioSearch = window.folioSearch || {};
  api.meta = function (meta) {
    var list = function (s) { return s ? s.split(" ") : []; };
    var nums = function (s) { return s ? s.split(",").map(function (x) { return parseInt(x, 36); }) : []; };
    state.meta = {
      version: meta.version,
      sectionCount: meta.sections,
      fragmentSize: meta.fragmentSize,
      shardStarts: meta.shards,
      pageStarts: nums(meta.pages),
      lengths: nums(meta.lengths)
    };
    list(meta.stopWords).forEach(function (w) { state.stop[w] = true; });
    var total = 0;
    state.meta.lengths.forEach(function (l) { total += l; });
    state.meta.averageLength = total / Math.max(1, state.meta.lengths.length);
    var pageOf = new Array(meta.sections), p = 0, starts = state.meta.pageStarts;
    for (var s = 0; s < meta.sections; s++) {
      while (p + 1 < starts.length && starts[p + 1] <= s) p++;
      pageOf[s] = p;
    }
    state.meta.pageOf = pageOf;
  };
  api.register = function (key, text) {
    // Front-coded entries: shared-prefix length (one base-36 digit), rest of term, "=", postings.
    var terms = {}, previous = "";
    text.split(";").forEach(function (entry) {
      var eq = entry.indexOf("=");
      var term = previous.slice(0, parseInt(entry.charAt(0), 36)) + entry.slice(1, eq);
      terms[term] = entry.slice(eq + 1);
      previous = term;
    });
    state.shards[key] = terms;
  };
  api.fragment = function (n, pages, items) {
    state.fragments[n] = items.map(function (item) {
      var page = pages[item[0]];
      return [page[0] + (item[1] ? "#" + item[1] : ""), page[1], item[2], page[2], item[3]];
    });
  };

  function decode(list) {
    var out = [], prev = 0, items = list.split(",");
    for (var i = 0; i < items.length; i++) {
      var parts = items[i].split(":");
      prev += parseInt(parts[0], 36);
      out.push([prev, parts.length > 1 ? parseInt(parts[1], 36) : 1]);
    }
    return out;
  }

  /** The shard that holds `term` if the index has it: the last one starting at or before it. */
  function shardOf(term) {
    var starts = state.meta.shardStarts, lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** The shards that may hold `term`, and with `prefix` the terms that continue `word` or that
   *  `word` has run past (typing "manufacturi" still finds "manufactur"). */
  function shardsFor(word, term, prefix) {
    var found = {}, starts = state.meta.shardStarts;
    found[shardOf(term)] = true;
    if (prefix) {
      [word, term].forEach(function (p) {
        var i = shardOf(p);
        found[i] = true;
        for (var j = i + 1; j < starts.length && starts[j].indexOf(p) === 0; j++) found[j] = true;
      });
      for (var k = Math.max(3, word.length - 3); k < word.length; k++) found[shardOf(word.slice(0, k))] = true;
    }
    return Object.keys(found).map(Number);
  }

  function postingsOf(term) {
    var shard = state.shards[shardOf(term)];
    return shard && shard[term] !== undefined ? shard[term] : null;
  }

  // ---- Queries -----------------------------------------------------------------------------
  /** Parses a query into clauses: {terms:[stem…], words:[word…], phrase:bool, prefix:bool}. */
  function parse(query) {
    var clauses = [], re = /"([^"]*)"?|[^\s"]+/g, match, parts = [];
    while ((match = re.exec(query)) !== null) {
      parts.push({ text: match[1] !== undefined ? match[1] : match[0], quoted: match[1] !== undefined, end: re.lastIndex });
    }
    var trailingSpace = /\s$/.test(query);
    parts.forEach(function (part, index) {
      var words = wordsWithOffsets(part.text).map(function (w) { return w.word; });
      if (!words.length) return;
      var kept = words.filter(function (w) { return !state.stop[w]; });
      if (!kept.length) kept = words;
      var isLast = index === parts.length - 1;
      if (part.quoted && kept.length > 1) {
        clauses.push({ terms: kept.map(stem), words: kept, phrase: true, prefix: false });
      } else {
        kept.forEach(function (w, i) {
          var prefix = isLast && !part.quoted && !trailingSpace && i === kept.length - 1 && w.length >= 3;
          clauses.push({ terms: [stem(w)], words: [w], phrase: false, prefix: prefix });
        });
      }
    });
    return clauses;
  }

  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < best) best = v;
      }
      if (best > limit) return limit + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  /** Postings of one word: {section: weight}, with the index terms that matched. */
  function lookup(word, term, prefix) {
    var result = {}, matched = [];
    var keys = shardsFor(word, term, prefix);
    function add(t, factor) {
      var list = postingsOf(t);
      if (list === null) return;
      matched.push(t);
      decode(list).forEach(function (p) {
        var w = p[1] * factor;
        if (!(p[0] in result) || result[p[0]] < w) result[p[0]] = w;
      });
    }
    add(term, 1);
    if (prefix) {
      keys.forEach(function (k) {
        var shard = state.shards[k] || {};
        for (var t in shard) {
          if (t === term || t.indexOf(" ") >= 0) continue;
          // Terms that continue the word, and stems the typed word has already run past.
          if (t.indexOf(word) === 0 || t.indexOf(term) === 0 || (word.indexOf(t) === 0 && t.length >= Math.max(3, word.length - 3))) add(t, 0.6);
        }
      });
    }
    if (!matched.length) {
      // A misspelling: the closest terms in the same shard.
      var limit = word.length > 7 ? 2 : 1;
      keys.forEach(function (k) {
        var shard = state.shards[k] || {};
        for (var t in shard) {
          if (t.indexOf(" ") >= 0) continue;
          var d = Math.min(editDistance(term, t, limit), editDistance(word, t, limit));
          if (prefix && d > limit) d = editDistance(word, t.slice(0, word.length), limit);
          if (d <= limit) add(t, d === 1 ? 0.5 : 0.3);
        }
      });
    }
    return { postings: result, matched: matched };
  }

  function idf(count) {
    var n = state.meta.sectionCount;
    return Math.log(1 + (n - count + 0.5) / (count + 0.5));
  }

  function bm25(weight, section) {
    var k1 = 1.2, b = 0.75, len = state.meta.lengths[section] || 1;
    return (weight * (k1 + 1)) / (weight + k1 * (1 - b + b * len / state.meta.averageLength));
  }

  /** Runs a query; resolves to {results:[{page, sections:[{section, score}], score}], highlight}. */
  function search(query) {
    var clauses = parse(query);
    if (!clauses.length) return Promise.resolve({ results: [], highlight: [] });
    var keys = [];
    clauses.forEach(function (c, index) {
      var next = clauses[index + 1];
      if (next && !c.phrase && !next.phrase) keys.push(shardOf(c.terms[c.terms.length - 1] + " " + next.terms[0]));
      c.terms.forEach(function (t, i) { keys = keys.concat(shardsFor(c.words[i], t, c.prefix && i === c.terms.length - 1)); });
      // Pairs of adjacent words, for phrases and for words typed next to each other.
      for (var i = 0; i + 1 < c.terms.length; i++) keys.push(shardOf(c.terms[i] + " " + c.terms[i + 1]));
    });
    // Pages titled exactly by the query (an organisation's or a place's own page) come first.
    var titleKey = "^ " + clauses.map(function (c) { return c.terms.join(" "); }).join(" ");
    keys.push(shardOf(titleKey));
    return Promise.all(keys.map(loadShard)).then(function () {
      var perClause = clauses.map(function (clause) {
        var scores = {}, sections = null, highlight = [];
        clause.terms.forEach(function (term, i) {
          var found = lookup(clause.words[i], term, clause.prefix);
          highlight = highlight.concat(found.matched);
          var ids = Object.keys(found.postings);
          var weightIdf = idf(ids.length);
          var next = {};
          ids.forEach(function (id) {
            if (sections && !(id in sections)) return;
            next[id] = (sections ? sections[id] : 0) + weightIdf * bm25(found.postings[id], +id);
          });
          sections = next;
        });
        if (clause.phrase) {
          // Adjacent pairs recorded by the index confirm the phrase; without a recorded pair the
          // words must at least share the section.
          for (var i = 0; i + 1 < clause.terms.length; i++) {
            var pairList = postingsOf(clause.terms[i] + " " + clause.terms[i + 1]);
            if (pairList !== null) {
              var confirmed = {};
              decode(pairList).forEach(function (p) { confirmed[p[0]] = true; });
              for (var id in sections) if (!confirmed[id]) delete sections[id];
            }
          }
          for (var s in sections) sections[s] *= 1.5;
        }
        return { scores: sections || {}, highlight: highlight, phrase: clause.phrase, words: clause.words };
      });
      // Words typed next to each other score higher in sections where the index saw them together.
      for (var c = 0; c + 1 < perClause.length; c++) {
        var a = clauses[c], b = clauses[c + 1];
        if (a.phrase || b.phrase) continue;
        var adjacent = postingsOf(a.terms[a.terms.length - 1] + " " + b.terms[0]);
        if (adjacent === null) continue;
        decode(adjacent).forEach(function (p) {
          if (perClause[c].scores[p[0]]) perClause[c].scores[p[0]] *= 1.5;
          if (perClause[c + 1].scores[p[0]]) perClause[c + 1].scores[p[0]] *= 1.5;
        });
      }
      // Pages must match every clause. A page whose single section matches every clause ranks
      // by that section; otherwise by its best section per clause, at a discount.
      var pages = {};
      perClause.forEach(function (c, index) {
        for (var id in c.scores) {
          var page = state.meta.pageOf[id];
          var entry = pages[page] || (pages[page] = { page: page, clauses: {}, sections: {}, counts: {} });
          entry.clauses[index] = Math.max(entry.clauses[index] || 0, c.scores[id]);
          entry.sections[id] = (entry.sections[id] || 0) + c.scores[id];
          entry.counts[id] = (entry.counts[id] || 0) + 1;
        }
      });
      var results = [];
      for (var p in pages) {
        var entry = pages[p], spread = 0, complete = true;
        for (var k = 0; k < perClause.length; k++) {
          if (!(k in entry.clauses)) { complete = false; break; }
          spread += entry.clauses[k];
        }
        if (!complete) continue;
        var sections = Object.keys(entry.sections).map(function (id) {
          var full = entry.counts[id] === perClause.length;
          return { section: +id, full: full, score: entry.sections[id] * (full ? 1 : 0.5) };
        });
        sections.sort(function (x, y) { return (y.full - x.full) || (y.score - x.score) || (x.section - y.section); });
        var score = sections[0].full ? sections[0].score + 0.3 * spread : 0.5 * spread;
        // Other sections of the page are offered only when they match the whole query too.
        var shownSections = [sections[0]].concat(sections.slice(1).filter(function (x) { return x.full; }).slice(0, 2));
        results.push({ page: entry.page, score: score, sections: shownSections });
      }
      var titled = {}, own = postingsOf(titleKey);
      if (own !== null) decode(own).forEach(function (p) { titled[state.meta.pageOf[p[0]]] = true; });
      results.forEach(function (r) { r.titled = titled[r.page] ? 1 : 0; });
      results.sort(function (x, y) { return y.titled - x.titled || y.score - x.score || x.page - y.page; });
      var highlight = [];
      perClause.forEach(function (c) { highlight = highlight.concat(c.highlight); });
      return { results: results, highlight: highlight, clauses: perClause };
    });
  }

  function section(id) {
    var n = Math.floor(id / state.meta.fragmentSize);
    var item = state.fragments[n] && state.fragments[n][id % state.meta.fragmentSize];
    return item ? { url: item[0], title: item[1], heading: item[2], group: item[3], excerpt: item[4] } : null;
  }

  function loadSections(ids) {
    var needed = {};
    ids.forEach(function (id) { needed[Math.floor(id / state.meta.fragmentSize)] = true; });
    return Promise.all(Object.keys(needed).map(function (n) { return loadFragment(+n); }));
  }

  // ---- Rendering ---------------------------------------------------------------------------
  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }

  /** `text` as HTML with words whose stem (or prefix) matched wrapped in <mark>. */
  function highlightHTML(text, matched) {
    if (!matched.length) return escapeHTML(text);
    var html = "", last = 0;
    wordsWithOffsets(text).forEach(function (w) {
      var s = stem(w.word), hit = false;
      for (var i = 0; i < matched.length && !hit; i++) {
        var m = matched[i];
        // `matched` holds the index terms the query matched (prefixes already expanded).
        hit = s === m || w.word === m;
      }
      if (hit) {
        html += escapeHTML(text.slice(last, w.start)) + "<mark>" + escapeHTML(text.slice(w.start, w.end)) + "</mark>";
        last = w.end;
      }
    });
    return html + escapeHTML(text.slice(last));
  }

  /** The excerpt sentences that contain matches first, the others after, within ~260 characters. */
  function snippet(excerpt, matched) {
    var parts = excerpt.split(" … "), hits = [], rest = [];
    parts.forEach(function (p) {
      (highlightHTML(p, matched).indexOf("<mark>") >= 0 ? hits : rest).push(p);
    });
    var chosen = [], length = 0;
    hits.concat(rest).forEach(function (p) {
      if (length < 200 || !chosen.length) { chosen.push(p); length += p.length; }
    });
    chosen.sort(function (a, b) { return parts.indexOf(a) - parts.indexOf(b); });
    return chosen.map(function (p) { return highlightHTML(p, matched); }).join(" … ");
  }

  function initSearchPage(app) {
    state.base = app.getAttribute("data-index");
    var input = document.getElementById("search-input");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var pageSize = 10, current = null, shown = 0, generation = 0;

    function setStatus(text) { status.textContent = text; }

    function render(reset) {
      var slice = current.results.slice(shown, shown + pageSize);
      var ids = [];
      slice.forEach(function (r) { r.sections.forEach(function (s) { ids.push(s.section); }); });
      var mine = generation;
      return loadSections(ids).then(function () {
        if (mine !== generation) return;
        if (reset) list.innerHTML = "";
        slice.forEach(function (r, index) {
          var best = section(r.sections[0].section);
          if (!best) return;
          var li = document.createElement("li");
          li.className = "search-result";
          var html = '<a class="search-result__link" href="../' + escapeHTML(best.url) + '">' +
            '<span class="search-result__title">' + highlightHTML(best.title, current.highlight) + "</span>" +
            (best.heading ? '<span class="search-result__heading">' + highlightHTML(best.heading, current.highlight) + "</span>" : "") +
            "</a>" +
            '<p class="search-result__meta">' + escapeHTML(best.group) + "</p>" +
            '<p class="search-result__snippet">' + snippet(best.excerpt, current.highlight) + "</p>";
          var others = r.sections.slice(1).map(function (s) { return section(s.section); }).filter(function (s) { return s && s.heading && s.url !== best.url; });
          if (others.length) {
            html += '<ul class="search-result__more">' + others.map(function (s) {
              return '<li><a href="../' + escapeHTML(s.url) + '">' + highlightHTML(s.heading, current.highlight) + "</a></li>";
            }).join("") + "</ul>";
          }
          li.innerHTML = html;
          li.setAttribute("data-rank", String(shown + index + 1));
          list.appendChild(li);
        });
        shown += slice.length;
        more.hidden = shown >= current.results.length;
      });
    }

    function run(query, fromTyping) {
      var mine = ++generation;
      if (!query.trim()) {
        list.innerHTML = "";
        more.hidden = true;
        setStatus("");
        return Promise.resolve();
      }
      return search(query).then(function (found) {
        if (mine !== generation) return;
        current = found;
        shown = 0;
        var n = found.results.length;
        return render(true).then(function () {
          if (mine !== generation) return;
          setStatus(n === 0 ? "No results for “" + query.trim() + "”." : n + (n === 1 ? " result" : " results") + " for “" + query.trim() + "”.");
          app.setAttribute("data-state", "done");
          if (!fromTyping) {
            var url = new URL(window.location.href);
            url.searchParams.set("q", query);
            try { history.replaceState(null, "", url.toString()); } catch (e) { /* file:// may refuse */ }
          }
        });
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value, true); }, 120);
    });
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run(input.value, false);
    });
    more.addEventListener("click", function () { render(false); });

    // Arrow keys move through results; Enter follows the focused link.
    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
    document.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var all = links();
      if (!all.length) return;
      var i = all.indexOf(document.activeElement);
      if (event.key === "ArrowDown") i = i < 0 ? 0 : Math.min(all.length - 1, i + 1);
      else if (i <= 0) { input.focus(); event.preventDefault(); return; } else i -= 1;
      all[i].focus();
      event.preventDefault();
    });

    load("meta.js", function () { return !!state.meta; }).then(function () {
      if (!state.meta) { setStatus("The search index could not be loaded."); app.setAttribute("data-state", "error"); return; }
      var q = new URLSearchParams(window.location.search).get("q") || "";
      input.value = q;
      if (q) run(q, true); else app.setAttribute("data-state", "ready");
    });
  }

  function init() {
    // `/` focuses the search box on any page, unless typing somewhere already.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      var t = event.target, tag = t && t.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
      var box = document.getElementById("search-input") || document.getElementById("site-search-input");
      if (!box) return;
      event.preventDefault();
      box.focus();
      box.select();
    });
    var app = document.getElementById("search-app");
    if (app) initSearchPage(app);
  }

  api.stem = stem;
  api.search = function (q) { return search(q); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
