// `guidance serve` only: shows the problems the last build found, over the page, so that an
// author sees them where they look. The page is the last version that built; it reloads
// itself when a build succeeds (MkDocs's live reload), and then this asks again.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  fetch(new URL("problems.json", script.src), { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (problems) {
      if (!problems.length) return;
      var box = document.createElement("section");
      box.className = "gl-problems";
      box.setAttribute("role", "alert");
      box.setAttribute("aria-labelledby", "gl-problems-title");
      var title = document.createElement("h2");
      title.id = "gl-problems-title";
      title.textContent = problems.length + (problems.length === 1 ? " problem" : " problems") + " in the sources";
      var note = document.createElement("p");
      note.textContent = "You are reading the last version that built. Fix these and the page reloads by itself.";
      var list = document.createElement("ul");
      problems.forEach(function (text) {
        var item = document.createElement("li");
        var code = document.createElement("code");
        code.textContent = text;  // text, never markup: a message may quote what the source holds
        item.appendChild(code);
        list.appendChild(item);
      });
      var close = document.createElement("button");
      close.type = "button";
      close.className = "md-button";
      close.textContent = "Hide these problems";
      close.addEventListener("click", function () { box.remove(); });
      box.append(title, note, list, close);
      document.body.prepend(box);
    })
    .catch(function () { /* the server has stopped: nothing to show */ });
})();
