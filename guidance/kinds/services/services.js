// Services: whether each is open now and, when it is closed, when it next opens; and a filter by
// need (on the page of every service), open now, or open 24 hours. Without JavaScript the pages
// list every service and each need has its own page; this only adds what needs the clock. The
// choice is kept in the address (?need=...&open=now), so it can be shared or bookmarked.
(function () {
  "use strict";
  var list = document.querySelector(".gl-services");
  if (!list) return;
  var form = document.querySelector("[data-gl-services-filter]");
  var cards = Array.prototype.slice.call(list.querySelectorAll(".gl-service"));
  var status = document.getElementById("gl-services-status");
  var none = document.querySelector(".gl-services-none");
  var holidays = JSON.parse(list.dataset.holidays || "[]");
  var DAY = 24 * 60;
  var DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

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

  function onHoliday(date, hours) {
    return holidays.indexOf(date) >= 0 ? hours.filter(function (o) { return o.d.length === 7; }) : hours;
  }

  // Mirrors guidance.services.is_open: on a bank holiday only every-day hours count.
  function isOpen(hours, when) {
    return onHoliday(when.date, hours).some(function (o) {
      var today = o.d.indexOf(when.day) >= 0;
      if (o.s < o.e) return today && o.s <= when.minute && when.minute < o.e;
      var yesterday = o.d.indexOf((when.day + 6) % 7) >= 0;
      return (today && when.minute >= o.s) || (yesterday && when.minute < o.e);
    });
  }

  function always(hours) {
    return hours.some(function (o) { return o.d.length === 7 && o.s === 0 && o.e === DAY; });
  }

  function dateAfter(iso, days) {
    var p = iso.split("-").map(Number);
    var d = new Date(Date.UTC(p[0], p[1] - 1, p[2] + days));
    return d.toISOString().slice(0, 10);
  }

  // Mirrors guidance.services.next_opening: the first opening time after now, in England's clock.
  function nextOpening(hours, when) {
    for (var offset = 0; offset < 15; offset += 1) {
      var date = dateAfter(when.date, offset);
      var day = (when.day + offset) % 7;
      var starts = onHoliday(date, hours).filter(function (o) { return o.d.indexOf(day) >= 0; })
        .map(function (o) { return o.s; }).sort(function (a, b) { return a - b; });
      for (var i = 0; i < starts.length; i += 1) {
        if (offset > 0 || starts[i] > when.minute) return { offset: offset, day: day, minute: starts[i] };
      }
    }
    return null;
  }

  function clock(minute) {
    var h = Math.floor(minute / 60), m = minute % 60;
    if (minute === 0) return "midnight";
    if (minute === 12 * 60) return "noon";
    return ((h + 11) % 12 + 1) + (m ? ":" + String(m).padStart(2, "0") : "") + (h < 12 ? "am" : "pm");
  }

  function describe(hours, when) {
    if (always(hours)) return "Open 24 hours.";
    if (isOpen(hours, when)) return "Open now.";
    var next = nextOpening(hours, when);
    if (!next) return "Closed now.";
    var day = next.offset === 0 ? "today" : next.offset === 1 ? "tomorrow" : DAYS[next.day];
    return "Closed now. Opens " + day + " at " + clock(next.minute) + ".";
  }

  function apply() {
    var when = england(new Date());
    var need = form && form.elements.need ? form.elements.need.value : "";
    var open = form ? form.elements.open.value : "";
    var shown = 0;
    var openAnywhere = [];
    cards.forEach(function (card) {
      var hours = JSON.parse(card.dataset.hours);
      var line = card.querySelector(".gl-open-status");
      line.textContent = describe(hours, when);
      line.hidden = false;
      line.classList.toggle("gl-open-status--open", always(hours) || isOpen(hours, when));
      if (isOpen(hours, when)) openAnywhere.push(card);
      var ok = (!need || card.dataset.needs.split(" ").indexOf(need) >= 0) &&
        (open !== "now" || isOpen(hours, when)) && (open !== "24-hours" || always(hours));
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    if (!form) return;
    status.textContent = shown === cards.length ? "Showing all " + shown + " services." :
      "Showing " + shown + " of " + cards.length + " services.";
    none.hidden = shown > 0;
    if (shown === 0) elsewhere(openAnywhere, need);
    var query = new URLSearchParams(window.location.search);
    need ? query.set("need", need) : query.delete("need");
    open ? query.set("open", open) : query.delete("open");
    var search = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }

  // Nothing matches: the nearest useful help, services open now for any need.
  function elsewhere(openAnywhere, need) {
    var box = none.querySelector(".gl-open-elsewhere");
    box.textContent = "";
    if (form.elements.need) {
      if (!openAnywhere.length || !need) return;
      box.append("Open now, for other needs: ");
      openAnywhere.forEach(function (card, i) {
        var link = document.createElement("a");
        link.href = "#" + card.id;
        link.textContent = card.querySelector("h2, h3").textContent;
        link.addEventListener("click", function () { form.elements.need.value = ""; apply(); });
        box.append(i ? ", " : "", link);
      });
      box.append(".");
    } else {
      var link = document.createElement("a");
      link.href = list.dataset.all + "?open=now";
      link.textContent = "See every service that is open now";
      box.append(link, ", whatever it helps with.");
    }
  }

  if (form) {
    var given = new URLSearchParams(window.location.search);
    if (form.elements.need && given.get("need") && form.querySelector('option[value="' + CSS.escape(given.get("need")) + '"]')) {
      form.elements.need.value = given.get("need");
    }
    var chosen = form.querySelector('input[name="open"][value="' + CSS.escape(given.get("open") || "") + '"]');
    if (chosen) chosen.checked = true;
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  }
  apply();
  window.setInterval(apply, 60000);
})();
