// Attune's live preview, added to the page only by `make preview` (never to dist/): reloads the page when
// a new build serves, and while the last build failed shows its `file:line: message` in a banner.
(() => {
  const loaded = document.currentScript.dataset.build;
  let banner = null;
  let events = null;

  function show(error) {
    if (!error) {
      if (banner) banner.remove();
      banner = null;
      return;
    }
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "attune-preview-banner";
      banner.setAttribute("role", "status");
      const lead = document.createElement("p");
      lead.textContent = "Your last change did not build, so this is the last version that did. The build says:";
      banner.append(lead, document.createElement("pre"));
      document.body.prepend(banner);
    }
    banner.querySelector("pre").textContent = error;
  }

  function listen() {
    events = new EventSource("/__preview/events");
    events.addEventListener("state", (event) => {
      const state = JSON.parse(event.data);
      if (state.build && state.build !== loaded) {
        events.close();
        location.reload();
        return;
      }
      show(state.error);
    });
  }

  // A hidden tab lets its stream go: a browser opens six connections at most to one server, and every
  // stream holds one. Shown again, the tab hears the state at once, and reloads if a build landed meanwhile.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      if (events) events.close();
      events = null;
    } else if (!events) {
      listen();
    }
  });
  if (document.visibilityState !== "hidden") listen();
})();
