// Decision flows: one question at a time, answers kept in the query string (sorted, readable,
// bookmarkable), a summary with Change links, Back and Start again, deadlines in working days,
// and a decision record to print or copy. Nothing is fetched or sent. The dates, the rationale
// and who decided are kept in this tab's session storage, so following a link to the procedure
// and pressing Back finds them as they were; Start again, Exit this page and closing the tab
// clear them.
(function () {
  "use strict";

  var root = document.querySelector("[data-gl-flow]");
  if (!root) return;

  var steps = {};
  Array.prototype.forEach.call(root.querySelectorAll("[data-step]"), function (s) { steps[s.dataset.step] = s; });
  var start = root.dataset.start;
  var holidays = new Set(JSON.parse(root.dataset.holidays || "[]"));
  // The years the bank holidays above are known for: outside them a deadline is not guessed.
  var knownFrom = Number(root.dataset.holidaysFrom || 0);
  var knownTo = Number(root.dataset.holidaysTo || 9999);
  var stored = "gl-flow:" + root.dataset.glFlow;
  var summary = root.querySelector(".gl-summary");
  var summaryList = summary.querySelector("dl");
  var controls = root.querySelector(".gl-flow-controls");
  var back = controls.querySelector("[data-gl-back]");
  var restart = controls.querySelector("[data-gl-restart]");
  var record = root.querySelector(".gl-record");
  var rationale = record.querySelector("textarea");
  var decidedBy = record.querySelector("#gl-decided-by");
  var recordText = record.querySelector(".gl-record-text");
  var copyStatus = record.querySelector(".gl-copy-status");
  var deadlines = {};

  function heading(id) { return steps[id].querySelector(".gl-step-heading"); }
  function text(el) { return el.textContent.replace(/\s+/g, " ").trim(); }

  function walk(params) {
    var path = [];
    var node = start;
    var seen = {};
    while (steps[node] && !steps[node].dataset.outcome && params.has(node) && !seen[node]) {
      seen[node] = true;
      var chosen = null;
      Array.prototype.forEach.call(steps[node].querySelectorAll("a[data-value]"), function (a) {
        if (a.dataset.value === params.get(node)) chosen = a;
      });
      if (!chosen) break;
      path.push({ node: node, value: chosen.dataset.value, label: text(chosen), question: steps[node].dataset.text });
      node = chosen.dataset.next;
    }
    return { path: path, current: node };
  }

  function urlFor(path) {
    var params = new URLSearchParams();
    path.map(function (s) { return s; })
      .sort(function (a, b) { return a.node < b.node ? -1 : a.node > b.node ? 1 : 0; })
      .forEach(function (s) { params.set(s.node, s.value); });
    var query = params.toString();
    // No answers yet: the first question (the start page is only where a visit begins).
    return window.location.pathname + (query ? "?" + query : "#node-" + start);
  }

  function longDate(iso, weekday) {
    // GOV.UK style: "Thursday 9 May 2024", without the comma Intl puts after the weekday.
    var p = iso.split("-").map(Number);
    var d = new Date(p[0], p[1] - 1, p[2]);
    var day = d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    return weekday === false ? day : d.toLocaleDateString("en-GB", { weekday: "long" }) + " " + day;
  }

  function iso(d) {
    var pad = function (n) { return String(n).padStart(2, "0"); };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  // The same rules as guidance.flows.deadline: working days skip weekends and bank holidays.
  function deadline(startIso, amount, unit) {
    var p = startIso.split("-").map(Number);
    var d = new Date(p[0], p[1] - 1, p[2]);
    if (unit === "working-days") {
      var left = amount;
      while (left > 0) {
        d.setDate(d.getDate() + 1);
        if (d.getDay() !== 0 && d.getDay() !== 6 && !holidays.has(iso(d))) left -= 1;
      }
    } else if (unit === "days") {
      d.setDate(d.getDate() + amount);
    } else if (unit === "weeks") {
      d.setDate(d.getDate() + 7 * amount);
    } else if (unit === "months") {
      var day = d.getDate();
      d.setDate(1);
      d.setMonth(d.getMonth() + amount);
      var last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
      d.setDate(Math.min(day, last));
    } else {
      return null;
    }
    return iso(d);
  }

  function render(focus) {
    var state = walk(new URLSearchParams(window.location.search));
    Object.keys(steps).forEach(function (id) { steps[id].hidden = true; });
    // A visit begins on the start page (what the flow is for, what you need, Start now) and
    // nothing else; then one question at a time.
    var begun = state.path.length > 0 || window.location.hash === "#node-" + start;
    steps[begun ? state.current : "start"].hidden = false;
    summaryList.textContent = "";
    state.path.forEach(function (s, i) {
      var dt = document.createElement("dt");
      dt.textContent = s.question;
      var dd = document.createElement("dd");
      dd.textContent = s.label + " ";
      var change = document.createElement("a");
      change.href = urlFor(state.path.slice(0, i));
      change.dataset.glGo = "";
      change.innerHTML = 'Change<span class="gl-sr"> your answer to: ' + s.question.replace(/[<&]/g, "") + "</span>";
      dd.appendChild(change);
      summaryList.appendChild(dt);
      summaryList.appendChild(dd);
    });
    summary.hidden = controls.hidden = state.path.length === 0;
    back.href = urlFor(state.path.slice(0, -1));
    restart.href = urlFor([]);
    var outcome = steps[state.current].dataset.outcome;
    record.hidden = !outcome;
    current = state;
    updateRecord();
    if (focus) (begun ? heading(state.current) : steps.start.querySelector(".gl-start-button")).focus();
  }

  var current = null;

  function updateRecord() {
    if (!current || !steps[current.current].dataset.outcome) return;
    var outcome = steps[current.current];
    var lines = [
      "Decision record",
      "Flow: " + root.dataset.title + " (version " + root.dataset.version + ", in force from " + longDate(root.dataset.effective, false) + ")",
      "Address: " + window.location.href,
      "",
      "Questions and answers:"
    ];
    current.path.forEach(function (s, i) { lines.push((i + 1) + ". " + s.question + " " + s.label); });
    lines.push("", "Outcome: " + outcome.dataset.text);
    if (deadlines[current.current]) lines.push("Deadline: " + deadlines[current.current]);
    else if (outcome.querySelector(".gl-deadline")) lines.push(text(outcome.querySelector(".gl-deadline p")));
    lines.push("", "Rationale:", rationale.value.trim() || "(none written)");
    lines.push("", "Decided by: " + (decidedBy.value.trim() || "(not given)"));
    lines.push("Recorded: " + new Date().toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short" }));
    lines.push("From: " + root.dataset.site);
    recordText.textContent = lines.join("\n");
  }

  function go(url) {
    window.history.pushState(null, "", url);
    render(true);
  }

  root.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link || !root.contains(link)) return;
    if (link.dataset.value !== undefined) {
      event.preventDefault();
      var state = walk(new URLSearchParams(window.location.search));
      var node = link.closest("[data-step]").dataset.step;
      var path = state.path.filter(function (s) { return s.node !== node; });
      path.push({ node: node, value: link.dataset.value });
      go(urlFor(path));
    } else if (link.hasAttribute("data-gl-go") || link.hasAttribute("data-gl-back")) {
      event.preventDefault();
      go(link.getAttribute("href"));
    } else if (link.hasAttribute("data-gl-restart")) {
      event.preventDefault();
      clear();
      go(urlFor([]));
    } else if (link.classList.contains("gl-start-button")) {
      event.preventDefault();
      go(urlFor([]));
    }
  });

  function clear() {
    rationale.value = "";
    decidedBy.value = "";
    deadlines = {};
    try { window.sessionStorage.removeItem(stored); } catch (error) { /* storage blocked: nothing kept */ }
    Array.prototype.forEach.call(root.querySelectorAll(".gl-date-input"), function (input) { input.value = ""; });
    Array.prototype.forEach.call(root.querySelectorAll(".gl-deadline-result"), function (p) { p.textContent = ""; });
    copyStatus.textContent = "";
  }

  // A date typed as day, month and year, or null with the reason it is not a date.
  function typedDate(box) {
    var part = function (name) { return box.querySelector(".gl-date-input--" + name).value.trim(); };
    var d = part("day"), m = part("month"), y = part("year");
    if (!d && !m && !y) return { empty: true };
    if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) {
      return { error: "Enter the date as numbers, for example 27 3 2024." };
    }
    var date = new Date(Number(y), Number(m) - 1, Number(d));
    if (date.getFullYear() !== Number(y) || date.getMonth() !== Number(m) - 1 || date.getDate() !== Number(d)) {
      return { error: "Enter a real date, for example 27 3 2024." };
    }
    return { iso: iso(date) };
  }

  function showDeadline(box) {
    var node = box.closest("[data-step]").dataset.step;
    var result = box.querySelector(".gl-deadline-result");
    var typed = typedDate(box);
    var amount = Number(box.dataset.amount), unit = box.dataset.unit;
    deadlines[node] = "";
    result.textContent = typed.error || "";
    if (typed.iso) {
      var due = deadline(typed.iso, amount, unit);
      var year = Number(typed.iso.slice(0, 4)), dueYear = due ? Number(due.slice(0, 4)) : year;
      var words = amount + " " + unit.replace("-", " ");
      if (unit === "working-days" && (year < knownFrom || dueYear > knownTo)) {
        result.textContent = "Bank holidays are known here for " + knownFrom + " to " + knownTo + " only, so this " +
          "deadline is not worked out: count " + words + " from " + longDate(typed.iso) + " by hand, " +
          "leaving out weekends and that year's bank holidays.";
      } else if (due) {
        deadlines[node] = longDate(due) + " (" + words + " after " + longDate(typed.iso) +
          (unit === "working-days" ? ", not counting weekends or bank holidays)" : ")");
        result.textContent = "Deadline: " + deadlines[node] + ".";
      }
    }
    updateRecord();
  }

  Array.prototype.forEach.call(root.querySelectorAll(".gl-deadline"), function (box) {
    box.querySelector(".gl-js").hidden = false;
    box.addEventListener("input", function () { showDeadline(box); keep(); });
  });

  // What the practitioner typed, kept for this tab only: restored after a link and Back.
  function keep() {
    var dates = {};
    Array.prototype.forEach.call(root.querySelectorAll(".gl-date-input"), function (input) {
      if (input.value) dates[input.id] = input.value;
    });
    try {
      window.sessionStorage.setItem(stored, JSON.stringify({ rationale: rationale.value, decidedBy: decidedBy.value, dates: dates }));
    } catch (error) { /* storage blocked: the fields still work, they are just not kept */ }
  }

  function restore() {
    var saved = null;
    try { saved = JSON.parse(window.sessionStorage.getItem(stored) || "null"); } catch (error) { saved = null; }
    if (!saved) return;
    rationale.value = saved.rationale || "";
    decidedBy.value = saved.decidedBy || "";
    Object.keys(saved.dates || {}).forEach(function (id) {
      var input = document.getElementById(id);
      if (input && root.contains(input)) input.value = saved.dates[id];
    });
    Array.prototype.forEach.call(root.querySelectorAll(".gl-deadline"), showDeadline);
  }

  rationale.addEventListener("input", function () { updateRecord(); keep(); });
  decidedBy.addEventListener("input", function () { updateRecord(); keep(); });

  // Printing puts the record alone on the page: a sheet of its own, whatever wraps the flow.
  record.querySelector("[data-gl-print]").addEventListener("click", function () {
    updateRecord();
    var sheet = document.querySelector(".gl-print-sheet") || document.createElement("div");
    sheet.className = "gl-print-sheet";
    sheet.textContent = "";
    var title = document.createElement("h1");
    title.textContent = "Decision record: " + root.dataset.title;
    var body = document.createElement("pre");
    body.textContent = recordText.textContent;
    sheet.append(title, body);
    document.body.appendChild(sheet);
    document.documentElement.classList.add("gl-print-record");
    window.print();
  });
  window.addEventListener("afterprint", function () { document.documentElement.classList.remove("gl-print-record"); });

  record.querySelector("[data-gl-copy]").addEventListener("click", function () {
    updateRecord();
    var done = function () { copyStatus.textContent = "Decision record copied. Paste it into your case record."; };
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents(recordText);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      copyStatus.textContent = document.execCommand("copy") ? "Decision record copied. Paste it into your case record."
        : "Select the decision record below and copy it.";
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(recordText.textContent).then(done, fallback);
    else fallback();
  });

  window.addEventListener("popstate", function () { render(true); });
  // Back from another page: the browser may restore this page as it was, or load it afresh.
  window.addEventListener("pageshow", function (event) { if (!event.persisted) return; restore(); updateRecord(); });
  root.classList.add("gl-flow--js");
  restore();
  render(false);
})();
