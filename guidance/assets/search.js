// The search page: Pagefind's index, results that say what they are and who they are for,
// narrowing to one kind, and the query kept in the address (?q=LADO&show=Procedures).
// A result whose title is exactly the query comes first, then one with that exact name (a term's
// abbreviation or alias), then that exact keyword; then results with more of the words in their
// title; otherwise Pagefind's order.
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
  const RANKED = 20; // results whose details are loaded, so exact names can move up
  const indexUrl = new URL(root.dataset.index, location.href);
  const siteUrl = new URL("..", indexUrl);

  const engine = import(new URL("pagefind.js", indexUrl).href).then(async (pagefind) => {
    await pagefind.options({ baseUrl: siteUrl.pathname, excerptLength: 22 });
    await pagefind.init();
    await pagefind.filters(); // loads the filters, so each search can count its results by kind
    return pagefind;
  });

  // Words too common to narrow a search: "how do I refer a child" looks for "refer child".
  const COMMON = new Set(
    "a an and are as at be by can do does for from how i if in is it me my of on or our should the this to what when where which who with you your"
      .split(" "),
  );
  const searchable = (query) => {
    const words = query.split(/\s+/).filter((word) => !COMMON.has(word.toLowerCase()));
    return words.length ? words.join(" ") : query;
  };
  const normalise = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const tier = (query, meta) => {
    if (normalise(meta.title || "") === query) return 0;
    if ((meta.names || "").split("|").includes(query)) return 1;
    if ((meta.keywords || "").split("|").includes(query)) return 2;
    return 3;
  };

  // When no page has every word ("worried about my neighbour's child"), the pages with the most
  // of them, best first.
  async function someWords(pagefind, query, options) {
    const words = query.split(/\s+/).filter(Boolean);
    if (words.length < 2) return [];
    const searches = await Promise.all(words.map((word) => pagefind.search(word, options)));
    const byId = new Map();
    for (const search of searches) {
      for (const result of search?.results || []) {
        const seen = byId.get(result.id) || { result, words: 0, score: 0 };
        seen.words += 1;
        seen.score += result.score;
        byId.set(result.id, seen);
      }
    }
    return [...byId.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((seen) => seen.result);
  }

  let latest = 0;
  let shown = PAGE;
  let kept = false; // the index has been offered to the service worker
  let settling = 0; // the timer that offers it
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
      status.textContent = "";
      more.hidden = true;
      groups.hidden = true;
      return finish(mine, query);
    }
    const pagefind = await engine;
    const options = group ? { filters: { group } } : {};
    const words = searchable(query);
    const search = await pagefind.search(words, options);
    if (mine !== latest || !search) return;
    const partly = !search.results.length;
    const results = partly ? await someWords(pagefind, words, options) : search.results;
    if (mine !== latest) return;
    const details = await Promise.all(results.slice(0, RANKED).map((r) => r.data()));
    if (mine !== latest) return;
    const wanted = normalise(query);
    const asked = normalise(words).split(" ");
    const inTitle = (meta) => {
      const title = new Set(normalise(meta.title || "").split(" "));
      return asked.filter((word) => title.has(word)).length;
    };
    const order = details
      .map((d, i) => [tier(wanted, d.meta), -inTitle(d.meta), i])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    found = { query, partly, results, details: order.map(([, , i]) => details[i]) };
    shown = PAGE;
    counts(partly ? null : search.totalFilters.group || {}, search.unfilteredResultCount);
    await render(mine);
    return finish(mine, query);
  }

  function finish(mine, query) {
    if (mine !== latest) return;
    clearTimeout(settling);
    if (query) settling = setTimeout(keepIndex, 2000);
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

  // Offline: keep the whole index if it is small (see search-worker.js), once results have been on
  // screen for two seconds with no more typing: never in the way of a search.
  function keepIndex() {
    if (kept || !("serviceWorker" in navigator)) return;
    kept = true;
    navigator.serviceWorker
      .register(new URL(root.dataset.worker, location.href))
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => (root.dataset.offline = event.data);
        registration.active.postMessage({ keep: new URL("offline.json", indexUrl).href }, [channel.port2]);
      })
      .catch(() => (root.dataset.offline = "unavailable"));
  }
})();
