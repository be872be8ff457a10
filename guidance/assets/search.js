// The search page: Pagefind's index, results that say what they are and who they are for,
// narrowing to one kind, and the query kept in the address (?q=LADO&show=Procedures).
// query.js first makes sense of the query (question words, misspellings, synonyms, a level, a
// situation). Then: a level named ("level 2") or, for someone worried about a child in their own
// words, the worried page comes first; then a result whose title is exactly what was asked about,
// then one with that exact name (a term's abbreviation or alias), then that exact keyword; a
// definition asked for puts glossary entries first, and someone describing their own life puts
// pages for the public first; then results with more of the words in their title; otherwise
// Pagefind's order.
(() => {
  "use strict";
  const root = document.getElementById("gl-search");
  if (!root) return;
  const form = document.getElementById("gl-search-form");
  const input = document.getElementById("gl-search-input");
  const groups = document.getElementById("gl-search-groups");
  const status = document.getElementById("gl-search-status");
  const list = document.getElementById("gl-search-results");
  const more = document.getElementById("gl-search-more");
  const PAGE = 10;
  const RANKED = 12; // results whose details are loaded and ranked again (see query.js's relevance)
  const indexUrl = new URL(root.dataset.index, location.href);
  const siteUrl = new URL("..", indexUrl);
  const help = document.getElementById("gl-search-help");
  // What a query means (query.js) and what the site knows besides its index (search/lexicon.json).
  const meaning = Promise.all([
    import(new URL(root.dataset.understand, location.href).href),
    fetch(new URL(root.dataset.lexicon, location.href)).then((r) => r.json()).catch(() => ({})),
  ]);

  const engine = import(new URL("pagefind.js", indexUrl).href).then(async (pagefind) => {
    await pagefind.options({ baseUrl: siteUrl.pathname, excerptLength: 22 });
    await pagefind.init();
    await pagefind.filters(); // loads the filters, so each search can count its results by kind
    return pagefind;
  });

  const normalise = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const tier = (asked, meta) => {
    const title = normalise(meta.title || "").replace(/\?$/, "");
    const names = (meta.names || "").split("|");
    const keywords = (meta.keywords || "").split("|");
    if (asked.some((q) => title === q)) return 0;
    if (asked.some((q) => names.includes(q))) return 1;
    if (asked.some((q) => keywords.includes(q))) return 2;
    // One word asked about ("exploitation"): a term of the glossary named with it is as good as a keyword.
    if ((meta.label || "").startsWith("Glossary") && asked.some((q) => !q.includes(" ") && names.some((n) => n.split(" ").includes(q)))) return 2;
    return 3;
  };
  const PUBLIC = "The public";
  const byKey = (a, b) => {
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
    return 0;
  };

  // Every term searched on its own, in each of its forms: a result scores the rarity of each term it
  // has (a word on few pages says more than "help"), a little more where the index ranks it higher
  // for that term. The whole query is searched too: its results have every word.
  // Each search once per page view: typing "neglect" searches "neglect" for the whole query and for
  // its one term, and again when the box is cleared and typed again.
  const searched = new Map();
  function find(pagefind, text, options) {
    const key = JSON.stringify([text, options]);
    if (!searched.has(key)) searched.set(key, pagefind.search(text, options));
    return searched.get(key);
  }

  async function bestMatch(pagefind, meant, options, entries) {
    const whole = find(pagefind, meant.phrase, options);
    const scores = new Map();
    const objects = new Map();
    const rarity = new Map();
    await Promise.all(meant.terms.map(async (term) => {
      const searches = await Promise.all([term.text, ...term.alternatives].map((q) => find(pagefind, q, options)));
      const best = new Map();
      let pages = 0;
      for (const search of searches) {
        const results = search?.results || [];
        pages = Math.max(pages, results.length);
        const top = Math.max(1e-9, ...results.map((r) => r.score));
        for (const r of results) {
          best.set(r.id, Math.max(best.get(r.id) || 0, r.score / top));
          objects.set(r.id, r);
        }
      }
      // A phrase ("somewhere safe to stay") stands for each of its words.
      const words = term.text.split(" ").length;
      const weight = words * Math.log(1 + entries / (1 + pages)) * ((meant.factors || {})[term.text] || 1);
      rarity.set(term.text, weight);
      for (const [id, share] of best) scores.set(id, (scores.get(id) || 0) + weight * (0.3 + 0.7 * share));
    }));
    const all = await whole;
    for (const r of all?.results || []) {
      objects.set(r.id, r);
      scores.set(r.id, (scores.get(r.id) || 0) + 0.01 * r.score);
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => objects.get(id));
    return { ranked, all, rarity };
  }

  // The result at a known address (a level's page, the worried page), found by searching its words.
  async function atAddress(pagefind, address, words) {
    const search = await find(pagefind, words, {});
    for (const result of (search?.results || []).slice(0, 8)) {
      const data = await result.data();
      if (new URL(data.url, siteUrl).pathname === new URL(address, siteUrl).pathname && !data.meta.href) return result;
    }
    return null;
  }

  let latest = 0;
  let shown = PAGE;
  let found = { query: "", results: [], details: [] };

  const chosen = () => (groups.querySelector("input:checked") || {}).value || "";

  async function run() {
    const query = input.value.trim();
    const group = chosen();
    const mine = ++latest;
    root.dataset.typedAt = String(performance.now());
    root.dataset.state = "busy";
    remember(query, group);
    if (!query) {
      list.replaceChildren();
      help.replaceChildren();
      help.hidden = true;
      status.textContent = "";
      more.hidden = true;
      groups.hidden = true;
      return finish(mine, query);
    }
    const [pagefind, [{ understand, unknownWords, relevance, stem, normalise: plain }, lexicon]] = await Promise.all([engine, meaning]);
    const options = group ? { filters: { group } } : {};
    const exact = new URLSearchParams(location.search).get("exact") === query;
    // A word the lexicon lacks but a page has is a real word, not a misspelling. (The index answers a
    // misspelling with pages that share its first letters, so the word itself must be on the page.)
    const onPage = async (word) => {
      const search = await find(pagefind, word, {});
      const pages = await Promise.all((search?.results || []).slice(0, 2).map((r) => r.data()));
      const root = stem(word);
      return pages.some((d) => plain(d.content || "").split(" ").some((w) => w === word || stem(w) === root)) ? word : null;
    };
    const seen = await Promise.all(unknownWords(query, lexicon).map(onPage));
    const meant = understand(query, exact ? { ...lexicon, words: {} } : lexicon, new Set(seen.filter(Boolean)));
    const entries = lexicon.entries || 1000;
    const [{ ranked, all, rarity }, theirs] = await Promise.all([
      bestMatch(pagefind, meant, options, entries),
      // Someone describing their own life: the best pages for the public are weighed too, however
      // many practitioners' pages share their words.
      meant.personal ? bestMatch(pagefind, meant, { filters: { ...options.filters, audience: PUBLIC } }, entries) : null,
    ]);
    if (mine !== latest || !all) return;
    const search = all;
    const partly = !search.results.length; // no result has every word: these have some of them
    const weighed = theirs ? theirs.ranked.slice(0, RANKED / 2) : [];
    let results = [...weighed, ...ranked.filter((r) => !weighed.some((w) => w.id === r.id))];
    const pins = [];
    if (meant.level) pins.push([meant.level.url, `${meant.level.name} level ${meant.level.id}`]);
    if (meant.worried) pins.push([lexicon.worried, "worried about a child"]);
    const pinned = (await Promise.all(pins.map(([url, words]) => atAddress(pagefind, url, words)))).filter(Boolean);
    results = [...pinned, ...results.filter((r) => !pinned.some((p) => p.id === r.id))];
    if (mine !== latest) return;
    const details = await Promise.all(results.slice(0, RANKED).map((r) => r.data()));
    if (mine !== latest) return;
    const asked = [plain(query), meant.phrase, meant.topic].filter(Boolean);
    const titleWords = meant.words;
    const inTitle = (meta) => {
      const title = new Set(normalise(meta.title || "").split(" "));
      return titleWords.filter((word) => title.has(word)).length;
    };
    // Help asked for ("help getting an EHCP"): only a service or a need's page is named by its topic alone.
    const helps = (d) => /^(Service|Help and services)$/.test(d.meta.label || "");
    // A definition asked for favours the glossary; what to do, procedures and flows.
    const most = [...rarity.values()].reduce((a, b) => a + b, 0);
    const fit = (d) =>
      relevance(meant, d, rarity) *
        // A child's situation described: the threshold indicators say what level of need it is and
        // the decision flows what to do about it, where they match as well as anything else.
        (meant.describing && /^(Threshold indicator|Flowchart)/.test(d.meta.label || "") ? 1.25 : 1) +
      (meant.defining && (d.meta.label || "").startsWith("Glossary") ? 0.3 * most : 0) +
      (meant.doing && /^(Procedure|Flowchart)$/.test(d.meta.label || "") ? 0.5 * most : 0) +
      // Help asked for: services, and the pages that gather them by need.
      (meant.wanting && helps(d) ? 0.3 * most : 0);
    // Someone describing their own life is shown pages for the public first, where there are any.
    const forThem = meant.personal && details.some((d) => d.meta.audience === PUBLIC);
    const order = details
      .map((d, i) => [
        i < pinned.length ? i : pinned.length,
        forThem && d.meta.audience !== PUBLIC ? 1 : 0,
        tier(meant.wanting && !helps(d) ? asked.slice(0, 2) : asked, d.meta),
        -Math.round(fit(d) * 100),
        -inTitle(d.meta),
        // As good as one service: the page of every service for that need comes first.
        d.meta.label === "Help and services" ? 0 : 1,
        i,
      ])
      .sort(byKey);
    showHelp(meant, lexicon, query);
    found = { query, partly, results, details: order.map((key) => details[key[key.length - 1]]), corrected: meant.corrected };
    shown = PAGE;
    counts(partly ? null : search.totalFilters.group || {}, search.unfilteredResultCount);
    await render(mine);
    return finish(mine, query);
  }

  // Danger in the words: the emergency line and the worried page above the results. A corrected
  // word: what was searched for instead, and a way back to the words as typed.
  function showHelp(meant, lexicon, query) {
    help.replaceChildren();
    if (meant.danger && lexicon.emergency) {
      const box = document.createElement("div");
      box.className = "gl-search-danger gl-danger"; // the emergency style the worried page uses
      const text = document.createElement("p");
      text.textContent = lexicon.emergency + " ";
      if (lexicon.worried) {
        const link = document.createElement("a");
        link.href = new URL(lexicon.worried, siteUrl).pathname;
        link.textContent = "Worried about a child? Who to call";
        text.append(link);
      }
      box.append(text);
      help.append(box);
    }
    if (meant.corrected) {
      const said = document.createElement("p");
      said.className = "gl-search-corrected";
      said.append("Showing results for ");
      const strong = document.createElement("strong");
      strong.textContent = meant.corrected;
      said.append(strong, ". ");
      const back = document.createElement("a");
      const url = new URL(location.href);
      url.searchParams.set("q", query);
      url.searchParams.set("exact", query);
      back.href = url.pathname + url.search;
      back.textContent = `Search instead for ${query}`;
      said.append(back);
      help.append(said);
    }
    help.hidden = !help.children.length;
  }

  function finish(mine, query) {
    if (mine !== latest) return;
    root.dataset.query = query;
    root.dataset.state = "done";
    root.dataset.shownAt = String(performance.now());
  }

  async function render(mine = latest) {
    const { query, partly, results, details } = found;
    for (let i = details.length; i < Math.min(shown, results.length); i++) details.push(await results[i].data());
    if (mine !== latest) return; // a newer search has started: its results will show instead
    list.replaceChildren(...details.slice(0, shown).map(item));
    const total = results.length;
    const where = chosen() ? ` in ${chosen().toLowerCase()}` : "";
    const showing = total > shown ? `, showing the first ${shown}` : "";
    status.textContent = total
      ? partly
        ? `Nothing${where} has all the words “${query}”. ${total} ${total === 1 ? "result has" : "results have"} some of them${showing}.`
        : `${total} ${total === 1 ? "result" : "results"} for “${query}”${where}${showing}`
      : `No results for “${query}”${where}. Check the spelling, try fewer or other words, or browse below.`;
    more.hidden = total <= shown;
  }

  function item(data) {
    const li = document.createElement("li");
    li.className = "gl-result";
    const link = document.createElement("a");
    link.className = "gl-result__link";
    const address = data.meta.href ? new URL(data.meta.href, siteUrl) : null; // a record: its anchor
    link.href = address ? address.pathname + address.hash : data.url;
    link.textContent = data.meta.title;
    const heading = document.createElement("h2");
    heading.className = "gl-result__title";
    heading.append(link);
    const kind = document.createElement("p");
    kind.className = "gl-result__kind";
    kind.textContent = `${data.meta.label} · for ${(data.meta.audience || "").toLowerCase()}`;
    const excerpt = document.createElement("p");
    excerpt.className = "gl-result__excerpt";
    excerpt.innerHTML = data.excerpt; // Pagefind escapes the text and adds only <mark>
    li.append(heading, kind, excerpt);
    return li;
  }

  function counts(byGroup, all) {
    groups.hidden = false;
    for (const radio of groups.querySelectorAll("input")) {
      const n = radio.value ? (byGroup || {})[radio.value] || 0 : all;
      radio.closest("label").querySelector(".gl-search-count").textContent = byGroup ? `(${n})` : "";
    }
  }

  function remember(query, group) {
    const url = new URL(location.href);
    url.searchParams.delete("q");
    url.searchParams.delete("show");
    if (query) url.searchParams.set("q", query);
    if (group) url.searchParams.set("show", group);
    if (url.searchParams.get("exact") !== query) url.searchParams.delete("exact");
    history.replaceState(null, "", url);
  }

  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  const radio = [...groups.querySelectorAll("input")].find((r) => r.value === (params.get("show") || ""));
  if (radio) radio.checked = true;

  input.addEventListener("input", run);
  groups.addEventListener("change", run);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run().then(() => list.querySelector("a")?.focus());
  });
  more.addEventListener("click", async () => {
    const first = shown;
    shown += PAGE;
    await render();
    list.children[first]?.querySelector("a")?.focus();
  });
  if (input.value) run();
  // Sent here with nothing to search for (the header's button, pressed with an empty box): the
  // cursor goes in the box, ready to type.
  else if (params.has("q")) input.focus();
})();
