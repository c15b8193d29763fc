// Printer page: the supply levels table (table.chart-series, one column
// per supply) becomes a line chart on the canvas.chart-lines of its card.
// The table stays for screen readers and when JavaScript is off.
(function () {
  "use strict";
  function lines() {
    if (typeof window.Chart === "undefined") { return; }
    document.querySelectorAll("table.chart-series").forEach(function (table) {
      var card = table.closest(".card-body");
      var canvas = card && card.querySelector("canvas.chart-lines");
      if (!canvas) { return; }
      var names = [];
      table.querySelectorAll("thead th").forEach(function (th, i) {
        if (i > 0) { names.push(th.textContent.trim()); }
      });
      var labels = [], series = names.map(function () { return []; });
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        var cells = tr.querySelectorAll("td");
        labels.push(cells[0].textContent.trim());
        series.forEach(function (s, i) {
          var v = cells[i + 1] ? cells[i + 1].textContent.trim() : "";
          s.push(v === "" ? null : parseFloat(v));
        });
      });
      if (labels.length === 0) { return; }
      canvas.hidden = false;
      table.closest(".table-responsive").classList.add("visually-hidden");
      new window.Chart(canvas, {
        type: "line",
        data: { labels: labels, datasets: names.map(function (n, i) {
          return { label: n, data: series[i], spanGaps: true };
        }) },
        options: { scales: { y: { min: 0, max: 100 } } }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", lines);
}());
