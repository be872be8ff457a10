// "Exit this page": leave at once for a neutral site, by the button or by pressing Shift three
// times. The page is hidden first, anything the site stored is cleared, and the current history
// entry is replaced, so Back does not return here. It cannot erase browser history: the
// "Staying safe online" advice says how to do that.
(function () {
  "use strict";

  var link = document.querySelector("[data-gl-exit]");
  if (!link) return;

  function exit(event) {
    if (event) event.preventDefault();
    document.documentElement.style.visibility = "hidden";
    document.title = "";
    Array.prototype.forEach.call(document.querySelectorAll("input, textarea"), function (field) { field.value = ""; });
    try {
      window.localStorage.clear();
      window.sessionStorage.clear();
    } catch (error) {
      // Storage may be blocked; there is then nothing stored to clear.
    }
    window.location.replace(link.href);
  }

  link.addEventListener("click", exit);

  var presses = 0;
  var timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) {
      presses = 0;
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { presses = 0; }, 5000);
    if (presses === 3) exit();
  });
})();
