// Runs before the first paint, from a file (the Content-Security-Policy allows no inline script):
// applies a remembered theme, and registers the service worker that makes the app work offline.
(function () {
  try {
    var s = JSON.parse(localStorage.getItem("dva.settings") || "{}");
    if (s.theme === "light" || s.theme === "dark") document.documentElement.setAttribute("data-theme", s.theme);
  } catch (e) {}
  // Back and Forward return to where a page was scrolled: every click keeps the position as the state of
  // the current history entry (the app's own address changes keep it), and once the app runs, a page
  // reached again scrolls there after the app has drawn it and placed it (its listener and frame
  // callbacks come first). The browser's own restoring acted before the app had drawn the page: Back from
  // a review to the results landed at their top, screens above the link followed. Not in the exam room,
  // which places each question itself (its review screen's Back may open another question).
  addEventListener("click", function () { history.replaceState(scrollY, ""); }, true);
  addEventListener("dva-app-ready", function () {
    addEventListener("hashchange", function () {
      var y = history.state;
      if (typeof y === "number" && location.hash.indexOf("#/exam") !== 0) requestAnimationFrame(function () { scrollTo(0, y); });
    });
  });
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  if (document.documentElement.getAttribute("data-sw") === "off") {
    // A development build (trunk serve): drop any worker a release build left on this origin.
    navigator.serviceWorker.getRegistrations().then(function (rs) { rs.forEach(function (r) { r.unregister(); }); });
    return;
  }
  // An update waits for the next visit (never a reload mid-exam); the app shows a small banner about it.
  function waiting(reg) {
    document.documentElement.setAttribute("data-update", "ready");
    window.dispatchEvent(new CustomEvent("dva-update-ready"));
  }
  // Registered once the app has its questions: on a slow first visit the worker's downloads would
  // otherwise compete with the app's own.
  window.addEventListener("dva-app-ready", function () {
    navigator.serviceWorker.register("sw.js").then(function (reg) {
      if (reg.waiting && navigator.serviceWorker.controller) waiting(reg);
      reg.addEventListener("updatefound", function () {
        var next = reg.installing;
        if (!next) return;
        next.addEventListener("statechange", function () {
          if (next.state === "installed" && navigator.serviceWorker.controller) waiting(reg);
        });
      });
    }).catch(function () {});
  });
})();
