// Runs before first paint so a deep link shows its view at once, before Python has started.
// py/routes.py is the full router; this only picks which view is visible (see style.css).
(function () {
  var parts = location.hash.replace(/^#\/?/, "").split("/");
  var route = parts[0] === "a" && parts[1] ? "a/" + parts[1]
    : parts[0] === "practices" || parts[0] === "help" ? parts[0] : "library";
  document.documentElement.setAttribute("data-route", route);
  document.documentElement.classList.add("js");
  // Apply the saved theme and text size before first paint (py/display.py owns them afterwards).
  try {
    var settings = JSON.parse(localStorage.getItem("attune:data")).settings;
    if (settings.theme !== "system") document.documentElement.setAttribute("data-theme", settings.theme);
    document.documentElement.setAttribute("data-text-size", String(settings.text_size));
  } catch (e) { /* nothing saved, unreadable, or storage disabled: the defaults stand */ }
})();
// The skip link moves focus to <main> without touching the address: its "#main" would be a route.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.skip");
  if (!link) return;
  event.preventDefault();
  document.getElementById("main").focus();
});
// Printing an article prints its answers too: open the closed FAQ entries, and close them after.
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.slice.call(document.querySelectorAll("details.faq:not([open])"));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
