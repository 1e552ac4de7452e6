// Progressive enhancement only: every page works without this file.
// Move focus to the error summary so screen-reader and keyboard users hear the problems first,
// as the GOV.UK Design System does.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".sg-error-summary");
  if (summary) { summary.focus(); }
  // Stop a double click sending a form twice (two people, two audit entries).
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      if (button && form.method.toLowerCase() === "post") {
        setTimeout(function () { button.disabled = true; }, 0);
        setTimeout(function () { button.disabled = false; }, 5000);
      }
    });
  });
});
// The certificate's "Print certificate" button; without JavaScript the browser's own Print works.
document.addEventListener("click", function (event) {
  var target = event.target;
  if (target && target.matches && target.matches("[data-action=print]")) { window.print(); }
});
// The GOV.UK timeout warning. The server puts the seconds left in the session on <body>; before
// they run out a dialog offers to stay signed in. Without this script the footer says when the
// session ends, and a form sent after that is kept for its author to send after signing in.
document.addEventListener("DOMContentLoaded", function () {
  var body = document.body;
  var dialog = document.getElementById("timeout-warning");
  var seconds = parseInt(body.getAttribute("data-session-seconds") || "", 10);
  if (!dialog || isNaN(seconds) || typeof dialog.showModal !== "function") { return; }
  var warnAfter = parseInt(body.getAttribute("data-session-warning") || "0", 10);
  var keepAlive = body.getAttribute("data-keep-alive");
  var countdown = dialog.querySelector("[data-countdown]");
  var endsAt = 0, warnTimer = null, tick = null, hasEnded = false;

  function say(left) {
    var minutes = Math.ceil(left / 60);
    countdown.textContent = left > 60 ? minutes + " minutes" : Math.max(left, 0) + " seconds";
  }
  function ended() {
    hasEnded = true;
    clearInterval(tick);
    document.getElementById("timeout-title").textContent = "You have been signed out";
    document.getElementById("timeout-text").hidden = true;
    document.getElementById("timeout-ended").hidden = false;
    dialog.querySelector("[data-action=stay-signed-in]").hidden = true;
  }
  function warn() {
    if (!dialog.open) { dialog.showModal(); }
    var update = function () {
      var left = Math.round((endsAt - Date.now()) / 1000);
      if (left <= 0) { ended(); } else { say(left); }
    };
    update();
    tick = setInterval(update, 1000);
  }
  function start(total, warnIn) {
    clearTimeout(warnTimer);
    clearInterval(tick);
    endsAt = Date.now() + total * 1000;
    warnTimer = setTimeout(warn, warnIn * 1000);
  }
  dialog.addEventListener("click", function (event) {
    var action = event.target.getAttribute && event.target.getAttribute("data-action");
    if (action === "stay-signed-in" && !hasEnded) {
      fetch(keepAlive, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { ended(); return; }
        var full = parseInt(response.headers.get("X-Session-Seconds") || String(seconds), 10);
        dialog.close();
        start(full, full - Math.min(300, full / 2));
      }).catch(ended);
    } else if (action === "close-timeout") {
      dialog.close();
    }
  });
  // Browser tests move the clock on through this, rather than waiting half an hour.
  window.safeguardSessionTimer = { restart: start };
  start(seconds, warnAfter);
});
// A filter box over a long list of checkboxes (the MASH's partner choice). Without this script the box
// stays hidden and every checkbox shows; ticked boxes always stay visible.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-filter-for]").forEach(function (box) {
    var list = document.getElementById(box.getAttribute("data-filter-for"));
    var input = box.querySelector("input");
    if (!list || !input) { return; }
    box.hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      list.querySelectorAll("[data-filter-group]").forEach(function (group) {
        var shown = 0;
        // The group's title counts too: "police" finds Northmere Constabulary under "Police".
        var title = (group.querySelector(".sg-checkbox-group__title") || {}).textContent || "";
        group.querySelectorAll(".sg-checkboxes__item").forEach(function (item) {
          var text = (title + " " + item.textContent).toLowerCase();
          var ticked = item.querySelector("input").checked;
          var match = ticked || words.every(function (w) { return text.indexOf(w) !== -1; });
          item.hidden = !match;
          if (match) { shown += 1; }
        });
        group.hidden = shown === 0;
      });
    });
  });
});
// The navigation's "Menu" button on a phone: the list folds away until the button opens it.
document.addEventListener("DOMContentLoaded", function () {
  var nav = document.querySelector(".sg-service-navigation");
  var toggle = nav && nav.querySelector(".sg-service-navigation__toggle");
  if (!toggle) { return; }
  nav.classList.add("sg-service-navigation--collapsible");
  toggle.addEventListener("click", function () {
    var open = nav.classList.toggle("sg-service-navigation--open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
});
