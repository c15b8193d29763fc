// Parc's comforts; every page works without this file.
// 1. Charts: a table.chart-data whose previous sibling is a canvas.chart
//    becomes a chart (Chart.js, loaded only on pages that include it); the
//    table stays for screen readers and as the data source.
// 2. Forms with data-autosubmit submit when a select changes.
(function () {
  "use strict";
  function charts() {
    if (typeof window.Chart === "undefined") { return; }
    document.querySelectorAll("table.chart-data").forEach(function (table) {
      var canvas = table.previousElementSibling;
      if (!canvas || !canvas.classList.contains("chart")) { return; }
      var labels = [], values = [];
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        var cells = tr.querySelectorAll("td");
        if (cells.length < 2) { return; }
        labels.push(cells[0].textContent.trim());
        values.push(parseFloat(cells[1].textContent) || 0);
      });
      if (values.length === 0) { return; }
      canvas.hidden = false;
      table.classList.add("visually-hidden");
      var type = table.dataset.chart || "bar";
      new window.Chart(canvas, {
        type: type,
        data: { labels: labels, datasets: [{ data: values }] },
        options: {
          indexAxis: type === "bar" ? "y" : "x",
          scales: type === "bar" ? { x: { beginAtZero: true, ticks: { precision: 0 } } } : {},
          plugins: { legend: { display: type !== "bar" } },
          maintainAspectRatio: false
        }
      });
    });
  }
  function autosubmit() {
    document.querySelectorAll("form[data-autosubmit] select").forEach(function (sel) {
      sel.addEventListener("change", function () { sel.form.requestSubmit(); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { charts(); autosubmit(); });
}());
