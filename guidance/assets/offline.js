// Offline (decision 0016): registers the worker that saves the guidance for reading with no signal
// (offline-worker.js), and says how current a page is: "saved on …" when it came from the saved
// copy, and, once, that the guidance has changed when a new build has replaced the saved copy.
// Pages only for the public do not start the saving (someone who came for help is not sent a
// practitioner's library), nor does a browser asked to save data; they may keep themselves when
// the reader asks, where the worker is already at work.
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !window.caches) return;
  var container = navigator.serviceWorker;
  var note = document.querySelector("[data-gl-offline]");
  var footer = document.querySelector("[data-gl-offline-saved]");
  var keep = document.querySelector("[data-gl-offline-keep]");
  var forPublic = !!document.querySelector('meta[name="guidance-offline"][content="ask"]');
  var saveData = !!(navigator.connection && navigator.connection.saveData);

  // Saving starts once the page is quiet: loaded, and two seconds after the last keystroke, so
  // that the download is never in the way of a first search (decision 0007 measured one that was).
  var timer = 0;
  var started = false;
  function start() {
    if (started) return;
    started = true;
    document.removeEventListener("input", soon, true);
    container.register(script.getAttribute("data-worker")).catch(function () {});
  }
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(start, 2000);
  }
  if (container.controller || !(forPublic || saveData)) {
    document.addEventListener("input", soon, true);
    if (document.readyState === "complete") soon();
    else window.addEventListener("load", soon);
  }
  container.addEventListener("message", function (event) { show(event.data); });
  container.ready.then(function (registration) {
    return ask(registration.active, { ask: "state" }).then(show);
  });

  // On the page shown for a page that was not saved: a way back to it once there is signal.
  var retry = document.querySelector("[data-gl-offline-retry]");
  var wanted = new URLSearchParams(location.search).get("from");
  if (retry && wanted && new URL(wanted, location.href).origin === location.origin) {
    retry.querySelector("a").href = wanted;
    retry.hidden = false;
  }

  if (keep && container.controller) {
    keep.hidden = false;
    keep.addEventListener("click", function () {
      keep.disabled = true;
      ask(container.controller, { keep: location.href.split("#")[0] }).then(function (answer) {
        keep.textContent = answer && answer.kept
          ? "Saved to read offline. \u201cExit this page\u201d removes it."
          : "This page could not be saved. Try again when you have signal.";
        keep.disabled = !!(answer && answer.kept);
      });
    });
  }

  function ask(worker, question) {
    return new Promise(function (resolve) {
      if (!worker) return resolve(null);
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data); };
      worker.postMessage(question, [channel.port2]);
    });
  }

  function show(state) {
    if (!state || !state.saved) return;
    var day = longDate(state.saved);
    if (footer) {
      footer.textContent = "Saved on this device to read offline on " + day + ".";
      footer.hidden = false;
    }
    if (!note || retry) return; // the page for a page not saved says it is offline itself
    if (state.fromSet || !navigator.onLine) {
      // Offline, or a network too slow to wait for: either way, this is the saved copy.
      note.textContent = "No connection: this is the copy saved on this device on " + day + ". The guidance may have changed since.";
    } else if (state.updated) {
      note.textContent = "The guidance has changed since it was saved on this device, and the saved copy is now up to date. ";
      var link = document.createElement("a");
      link.href = state.changes;
      link.textContent = "See what has changed";
      note.appendChild(link);
    } else {
      return;
    }
    note.setAttribute("data-state", state.fromSet || !navigator.onLine ? "offline" : "updated");
    note.hidden = false;
  }

  function longDate(iso) {
    return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }
})();
