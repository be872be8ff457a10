// Version history pages: show which versions were in force on a chosen date, and notice when a
// version announced as "coming into force" has come into force since the page was built.
// Everything works on data already in the page; nothing is fetched or stored.
(function () {
  "use strict";

  var ISO = /^\d{4}-\d{2}-\d{2}$/;

  function longDate(iso) {
    var parts = iso.split("-").map(Number);
    return new Date(parts[0], parts[1] - 1, parts[2]).toLocaleDateString("en-GB", {
      day: "numeric", month: "long", year: "numeric"
    });
  }

  function localToday() {
    var now = new Date();
    var pad = function (n) { return String(n).padStart(2, "0"); };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function setUp(form) {
    var table = document.getElementById(form.dataset.glAsAt);
    var status = form.querySelector("[role=status]");
    var input = form.querySelector("input[type=date]");
    var noun = form.dataset.glNoun;
    if (!table || !status || !input) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var caption = table.caption ? table.caption.textContent : "";

    function show(day) {
      var count = 0;
      rows.forEach(function (row) {
        var until = row.dataset.until;
        var inForce = row.dataset.from <= day && (!until || day <= until);
        row.hidden = !inForce;
        if (inForce) count += 1;
      });
      var when = longDate(day);
      // The tense of the reader's day: a date still to come "will be", today "is", before "was".
      var now = new Date();
      var today = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
      var tense = day > today ? ["will be", "will be"] : day === today ? ["is", "are"] : ["was", "were"];
      if (table.caption) table.caption.textContent = "In force on " + when;
      status.textContent = count === 0
        ? "No " + noun + " " + tense[0] + " in force on " + when + "."
        : (count === 1 ? "1 " + noun + " " + tense[0] : count + " " + noun + "s " + tense[1]) + " in force on " + when + ".";
      var url = new URL(window.location.href);
      url.searchParams.set("date", day);
      window.history.replaceState(null, "", url);
    }

    function showAll() {
      rows.forEach(function (row) { row.hidden = false; });
      if (table.caption) table.caption.textContent = caption;
      status.textContent = "Showing every version.";
      var url = new URL(window.location.href);
      url.searchParams.delete("date");
      window.history.replaceState(null, "", url);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (ISO.test(input.value)) show(input.value);
    });
    form.addEventListener("reset", function () { window.setTimeout(showAll, 0); });

    var given = new URLSearchParams(window.location.search).get("date");
    if (given && ISO.test(given)) {
      input.value = given;
      show(given);
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-gl-as-at]"), setUp);

  var today = localToday();
  Array.prototype.forEach.call(document.querySelectorAll("[data-gl-effective]"), function (note) {
    if (note.dataset.glEffective > today) return;
    var coming = note.querySelector(".gl-when-coming");
    var come = note.querySelector(".gl-when-come");
    if (coming && come) {
      coming.hidden = true;
      come.hidden = false;
    }
  });
})();
