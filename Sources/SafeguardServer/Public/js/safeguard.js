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
