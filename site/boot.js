// Runs before first paint so a deep link shows its view at once, before Python has started.
// py/routes.py is the full router; this only picks which view is visible (see style.css).
(function () {
  var parts = location.hash.replace(/^#\/?/, "").split("/");
  var route = parts[0] === "a" && parts[1] ? "a/" + parts[1] : parts[0] === "practices" ? "practices" : "library";
  document.documentElement.setAttribute("data-route", route);
  document.documentElement.classList.add("js");
})();
