// The services filter: by need, open now, or open 24 hours. Without JavaScript the page lists
// every service and each need has its own page; this only hides what does not match.
// The choice is kept in the address (?need=...&open=now), so it can be shared or bookmarked.
(function () {
  "use strict";
  var form = document.querySelector("[data-gl-services-filter]");
  var list = document.querySelector(".gl-services");
  if (!form || !list) return;
  var cards = Array.prototype.slice.call(list.querySelectorAll(".gl-service"));
  var status = document.getElementById("gl-services-status");
  var none = document.querySelector(".gl-services-none");
  var holidays = JSON.parse(list.dataset.holidays || "[]");
  var DAY = 24 * 60;

  // The time in England, wherever the reader is: services keep English hours.
  function england(now) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London", weekday: "short", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(now).forEach(function (p) { parts[p.type] = p.value; });
    var days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    return {
      day: days.indexOf(parts.weekday),
      minute: Number(parts.hour) * 60 + Number(parts.minute),
      date: parts.year + "-" + parts.month + "-" + parts.day
    };
  }

  // Mirrors guidance.services.is_open: on a bank holiday only every-day hours count.
  function isOpen(hours, when) {
    if (holidays.indexOf(when.date) >= 0) hours = hours.filter(function (o) { return o.d.length === 7; });
    return hours.some(function (o) {
      var today = o.d.indexOf(when.day) >= 0;
      if (o.s < o.e) return today && o.s <= when.minute && when.minute < o.e;
      var yesterday = o.d.indexOf((when.day + 6) % 7) >= 0;
      return (today && when.minute >= o.s) || (yesterday && when.minute < o.e);
    });
  }

  function always(hours) {
    return hours.some(function (o) { return o.d.length === 7 && o.s === 0 && o.e === DAY; });
  }

  function apply() {
    var need = form.elements.need.value;
    var open = form.elements.open.value;
    var when = england(new Date());
    var shown = 0;
    cards.forEach(function (card) {
      var hours = JSON.parse(card.dataset.hours);
      var ok = (!need || card.dataset.needs.split(" ").indexOf(need) >= 0) &&
        (open !== "now" || isOpen(hours, when)) && (open !== "24-hours" || always(hours));
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    status.textContent = shown === cards.length ? "Showing all " + shown + " services." :
      "Showing " + shown + " of " + cards.length + " services.";
    none.hidden = shown > 0;
    var query = new URLSearchParams(window.location.search);
    need ? query.set("need", need) : query.delete("need");
    open ? query.set("open", open) : query.delete("open");
    var search = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }

  var given = new URLSearchParams(window.location.search);
  if (given.get("need") && form.querySelector('option[value="' + CSS.escape(given.get("need")) + '"]')) {
    form.elements.need.value = given.get("need");
  }
  var chosen = form.querySelector('input[name="open"][value="' + CSS.escape(given.get("open") || "") + '"]');
  if (chosen) chosen.checked = true;
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  apply();
  window.setInterval(function () { if (form.elements.open.value === "now") apply(); }, 60000);
})();
