// The indicator finder: filters the full, grouped list that the page shows without JavaScript.
// Plain JavaScript, no framework; nothing typed leaves the browser.
(function () {
  "use strict";
  var form = document.getElementById("gl-finder");
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-indicator]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-group]")).reverse();
  var count = document.getElementById("gl-finder-count");
  var fields = form.elements;

  // "missed" finds "misses", "appointments" finds "appointment": a light stem, no library.
  function stem(word) {
    return word.length > 4 ? word.replace(/(ing|ed|es|s)$/, "") : word;
  }

  function matches(item, words) {
    var ages = item.dataset.ages ? item.dataset.ages.split(" ") : [];
    return (!fields.level.value || item.dataset.level === fields.level.value) &&
      (!fields.domain.value || item.dataset.domain === fields.domain.value) &&
      (!fields.age.value || ages.length === 0 || ages.indexOf(fields.age.value) >= 0) &&
      words.every(function (word) { return item.dataset.text.indexOf(word) >= 0; });
  }

  function apply() {
    var words = fields.words.value.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(stem);
    var shown = 0;
    items.forEach(function (item) {
      item.hidden = !matches(item, words);
      if (!item.hidden) shown += 1;
    });
    groups.forEach(function (group) {  // innermost first, so a level hides when all its domains do
      group.hidden = !group.querySelector("[data-indicator]:not([hidden])");
    });
    count.textContent = shown === items.length
      ? "Showing all " + shown + " indicators"
      : shown + " of " + items.length + " indicators match";
    var query = new URLSearchParams();
    ["words", "domain", "level", "age"].forEach(function (name) {
      if (fields[name].value) query.set(name, fields[name].value);
    });
    var search = query.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }

  // Not "q": Material's search reads ?q= and would open its own search over the page.
  var initial = new URLSearchParams(location.search);
  ["words", "domain", "level", "age"].forEach(function (name) {
    if (initial.has(name)) fields[name].value = initial.get(name);
  });
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  if (location.search) apply();
})();
