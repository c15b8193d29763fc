// Live progress of a network discovery run: polls the run's JSON progress
// and moves the bar, then reloads the page once the run has finished so
// its devices show. Without JavaScript the page refreshes itself instead
// (a meta refresh in <noscript>).
(function () {
  "use strict";
  var box = document.getElementById("run-status");
  if (!box || box.dataset.finished === "true") { return; }
  var url = box.dataset.progressUrl;
  var bar = document.getElementById("run-progress");
  function text(id, v) {
    var el = document.getElementById(id);
    if (el) { el.textContent = v; }
  }
  function tick() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      })
      .then(function (p) {
        bar.value = p.percent;
        bar.textContent = p.percent + " %";
        text("run-percent", p.percent);
        text("run-found", p.found);
        var count = document.getElementById("run-count");
        if (count) { count.textContent = count.textContent.replace(/\d+(\D+)\d+/, p.done + "$1" + p.total); }
        if (p.finished) { window.location.reload(); return; }
        window.setTimeout(tick, 1000);
      })
      .catch(function () { window.setTimeout(tick, 5000); });
  }
  window.setTimeout(tick, 1000);
})();
