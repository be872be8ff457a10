// On every page: glossary tooltips that meet WCAG 1.4.13, and wide tables that can be scrolled
// by keyboard (2.1.1). Without JavaScript a term is a link to its entry, whose title the browser
// shows on hover, and a wide table scrolls as any box does.
(function () {
  "use strict";

  // Tooltips. One element, shown beside the term that has the pointer or focus. It stays while
  // the pointer moves from the term onto it, and goes with Escape, or when both are left.
  var tip = null;
  var owner = null;
  var hideTimer = 0;

  function makeTip() {
    tip = document.createElement("div");
    tip.className = "gl-tip";
    tip.id = "gl-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", function () { hideSoon(); });
    document.body.appendChild(tip);
  }

  function show(link) {
    clearTimeout(hideTimer);
    if (owner && owner !== link) {
      owner.removeAttribute("aria-describedby");
    }
    owner = link;
    tip.textContent = link.getAttribute("data-gl-tip");
    tip.hidden = false;
    link.setAttribute("aria-describedby", "gl-tip");
    place(link);
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    var below = box.bottom + 6;
    // Above the term when there is no room below it.
    var top = below + tip.offsetHeight > window.innerHeight && box.top > tip.offsetHeight + 6
      ? box.top - tip.offsetHeight - 6 : below;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (owner) {
      owner.removeAttribute("aria-describedby");
    }
    owner = null;
    if (tip) {
      tip.hidden = true;
    }
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    // Long enough to move the pointer from the term onto the tooltip.
    hideTimer = setTimeout(function () {
      if (owner && (owner.matches(":hover") || owner === document.activeElement || tip.matches(":hover"))) {
        return;
      }
      hide();
    }, 300);
  }

  function setUpTips() {
    var links = document.querySelectorAll("a.gl-term[title]");
    if (!links.length) {
      return;
    }
    makeTip();
    links.forEach(function (link) {
      // The text moves from the title, which the browser would show as well, to our tooltip.
      link.setAttribute("data-gl-tip", link.getAttribute("title"));
      link.removeAttribute("title");
      link.addEventListener("mouseenter", function () { show(link); });
      link.addEventListener("focus", function () { show(link); });
      link.addEventListener("mouseleave", hideSoon);
      // Focus moving on takes the tooltip with it at once: it must not cover the next Tab stop.
      link.addEventListener("blur", function () {
        if (tip.matches(":hover") || link.matches(":hover")) {
          hideSoon();
        } else {
          hide();
        }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && tip && !tip.hidden) {
        hide();
      }
    });
    window.addEventListener("resize", function () {
      if (owner) {
        place(owner);
      }
    });
  }

  // Wide tables: a box that scrolls sideways can be reached and scrolled with the keyboard, and
  // says what it holds.
  function setUpScrolling() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      var box = table.parentElement;
      while (box && box !== document.body && getComputedStyle(box).overflowX === "visible") {
        box = box.parentElement;
      }
      if (!box || box === document.body || box.hasAttribute("data-gl-scroll")) {
        return;
      }
      box.setAttribute("data-gl-scroll", "");
      var caption = table.querySelector("caption");
      var heading = null;
      for (var node = box; node && !heading; node = node.parentElement) {
        for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
          if (/^H[1-6]$/.test(before.tagName)) {
            heading = before;
            break;
          }
        }
      }
      var name = (caption || heading || { textContent: "Table" }).textContent.replace("¶", "").trim();
      function update() {
        if (box.scrollWidth > box.clientWidth + 1) {
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", name + " (scrolls sideways)");
        } else if (!box.classList.contains("gl-scroll")) {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
        }
      }
      update();
      window.addEventListener("resize", update);
    });
  }

  // The menu on narrow screens (and at 200% zoom): Material's is a label a keyboard cannot reach.
  // Enter or Space opens it and moves focus to its first link; Escape closes it and returns focus.
  function setUpMenu() {
    var button = document.querySelector("[data-gl-menu]");
    var drawer = document.getElementById("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!button || !drawer || !sidebar) {
      return;
    }
    function sync() {
      button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    }
    function set(open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change"));
      sync();
    }
    button.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") {
        return;
      }
      event.preventDefault();
      event.stopPropagation(); // Material clicks a focused label on Enter: that would toggle it back
      set(!drawer.checked);
      if (drawer.checked) {
        var first = sidebar.querySelector("a[href], label[tabindex='0']");
        // The drawer becomes visible (and focusable) as it opens.
        setTimeout(function () { if (first) { first.focus(); } }, 50);
      }
    });
    drawer.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        set(false);
        button.focus();
      }
    });
    sync();
  }

  // The header's search on a phone: the field is hidden to leave room, so the first tap on the
  // button shows it with the cursor in it (and the phone's keyboard up); with words in it, the
  // button searches.
  function setUpHeaderSearch() {
    var form = document.querySelector(".gl-header-search");
    if (!form) {
      return;
    }
    var input = form.querySelector("input");
    form.querySelector("button").addEventListener("click", function (event) {
      if (input.value.trim() || input.offsetParent !== null) {
        return;
      }
      event.preventDefault();
      form.classList.add("gl-header-search--open");
      input.focus();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        form.classList.remove("gl-header-search--open");
        form.querySelector("button").focus();
      }
    });
  }

  // On paper: the day it was printed, and each link's address after it (GOV.UK's print styles do
  // the same), so a printout can be followed up.
  function setUpPrinting() {
    window.addEventListener("beforeprint", function () {
      var printed = document.querySelector("[data-gl-printed]");
      if (printed) {
        printed.textContent = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
      }
      document.querySelectorAll(".md-content a[href]").forEach(function (link) {
        var href = link.getAttribute("href");
        if (/^(#|tel:|mailto:|sms:|javascript:)/.test(href) || link.classList.contains("headerlink")
            || link.classList.contains("gl-term") || link.textContent.trim() === link.href) {
          return;
        }
        link.setAttribute("data-gl-url", link.href);
      });
    });
  }

  function start() {
    setUpPrinting();
    setUpTips();
    setUpScrolling();
    setUpMenu();
    setUpHeaderSearch();
  }

  // Material wraps tables in its own scrolling boxes when the page has loaded.
  if (document.readyState === "complete") {
    start();
  } else {
    window.addEventListener("load", start);
  }
})();
