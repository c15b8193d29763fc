// Statistics page: each canvas.stats-chart draws some columns
// (data-cols) of the table named by data-table as a bar or line chart
// (data-type). The tables stay visible: they are the page without
// JavaScript, and the data the CSV links download.
(function () {
  "use strict";
  function draw() {
    if (typeof window.Chart === "undefined") { return; }
    document.querySelectorAll("canvas.stats-chart").forEach(function (canvas) {
      var table = document.getElementById(canvas.dataset.table);
      if (!table) { return; }
      var heads = table.querySelectorAll("thead th");
      var cols = canvas.dataset.cols.split(",").map(Number);
      var labels = [], series = cols.map(function () { return []; });
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        var cells = tr.querySelectorAll("td");
        if (cells.length <= cols[cols.length - 1]) { return; }
        labels.push(cells[0].textContent.trim());
        cols.forEach(function (c, i) { series[i].push(parseFloat(cells[c].textContent) || 0); });
      });
      if (labels.length === 0) { return; }
      canvas.hidden = false;
      new window.Chart(canvas, {
        type: canvas.dataset.type,
        data: { labels: labels, datasets: cols.map(function (c, i) {
          return { label: heads[c] ? heads[c].textContent.trim() : "", data: series[i] };
        }) },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", draw);
}());
