// "Exit this page": leave at once for a neutral site, by the button (in the header, which stays
// on screen) or by pressing Shift three times. The page is hidden first; what the site kept in
// this browser goes (local and session storage, every cache it made, its service workers and
// so the search pages they held); the current history entry is replaced, so Back does not
// return here, and no referrer is sent. It cannot erase browser history: the "Staying safe
// online" advice says how to do that.
(function () {
  "use strict";

  var link = document.querySelector("[data-gl-exit]");
  if (!link) return;
  var leaving = false;

  // Everything the site stored, gone; never waits more than a moment before leaving.
  function forget() {
    Array.prototype.forEach.call(document.querySelectorAll("input, textarea"), function (field) { field.value = ""; });
    try {
      window.localStorage.clear();
      window.sessionStorage.clear();
    } catch (error) {
      // Storage may be blocked; there is then nothing stored to clear.
    }
    var work = [];
    if (window.caches) {
      work.push(window.caches.keys().then(function (names) {
        return Promise.all(names.map(function (name) { return window.caches.delete(name); }));
      }));
    }
    if (navigator.serviceWorker && navigator.serviceWorker.getRegistrations) {
      work.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (r) { return r.unregister(); }));
      }));
    }
    var enough = new Promise(function (resolve) { window.setTimeout(resolve, 400); });
    return Promise.race([Promise.all(work).catch(function () {}), enough]);
  }

  function exit(event) {
    if (event) event.preventDefault();
    if (leaving) return;
    leaving = true;
    document.documentElement.style.visibility = "hidden";
    document.title = "";
    forget().then(function () { window.location.replace(link.href); });
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
