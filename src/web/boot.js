// Runs before the first paint, from a file (the Content-Security-Policy allows no inline script):
// applies a remembered theme, and registers the service worker that makes the app work offline.
(function () {
  try {
    var s = JSON.parse(localStorage.getItem("dva.settings") || "{}");
    if (s.theme === "light" || s.theme === "dark") document.documentElement.setAttribute("data-theme", s.theme);
  } catch (e) {}
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
