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
  // Ways back that return to an earlier entry instead of adding a copy of it (the Navigation API says which
  // entries this tab has; without it a way back stays a plain link, and a refused move adds an entry):
  // - a link marked `way-back` (the notes' "Back to review") goes back to the latest earlier entry with its
  //   address, so the browser's Back then leaves the review for the results, not for the notes again;
  // - `dvaReturn()` goes back to the entry the latest move left: the app calls it when the learner answers
  //   "Leave the exam?" with Cancel (before, the exam's address replaced the new entry: Back then found the
  //   exam twice), and hears false when it cannot.
  var nav = window.navigation, left = null;
  if (nav) {
    // A replaced entry is gone: there is nothing to return to.
    nav.addEventListener("currententrychange", function (e) { left = e.navigationType === "replace" ? null : e.from.index; });
    addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a.way-back");
      if (!a || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      var es = nav.entries(), i = nav.currentEntry.index;
      for (var j = i - 1; j >= 0; j--) if (es[j].url === a.href) { e.preventDefault(); history.go(j - i); return; }
    });
  }
  window.dvaReturn = function () {
    var by = left === null ? 0 : left - nav.currentEntry.index;
    if (by) history.go(by);
    return by !== 0;
  };
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
