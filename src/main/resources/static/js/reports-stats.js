// Bar charts of the statistics page, drawn from the accessible tables under them, so that the
// chart and the table always show the same figures (canvas[data-chart-for] names its table).
(function () {
  'use strict';

  function chart(canvas) {
    var table = document.getElementById(canvas.getAttribute('data-chart-for'));
    if (!table || !window.Chart) {
      return;
    }
    var labelCol = parseInt(table.getAttribute('data-chart-label'), 10);
    var valueCol = parseInt(table.getAttribute('data-chart-value'), 10);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows, 0, 15);
    var labels = [];
    var values = [];
    var colours = [];
    rows.forEach(function (row) {
      var cell = row.cells[labelCol].cloneNode(true);
      cell.querySelectorAll('[aria-hidden="true"]').forEach(function (e) { e.remove(); });
      var label = cell.textContent.trim();
      labels.push(label.length > 32 ? label.slice(0, 31) + '…' : label);
      values.push(parseFloat(row.cells[valueCol].getAttribute('data-value')) || 0);
      var dot = row.querySelector('.rp-dot');
      colours.push(dot ? getComputedStyle(dot).backgroundColor : '#1a5fb4');
    });
    canvas.height = Math.max(160, 28 * rows.length + 40);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ data: values, backgroundColor: colours, borderWidth: 0 }] },
      options: {
        indexAxis: 'y', maintainAspectRatio: false, responsive: true, animation: false,
        plugins: { legend: { display: false }, tooltip: { enabled: true } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  function start() {
    document.querySelectorAll('canvas[data-chart-for]').forEach(function (canvas) {
      var box = document.createElement('div');
      box.className = 'rp-chart-box';
      canvas.parentNode.insertBefore(box, canvas);
      box.appendChild(canvas);
      var rows = document.getElementById(canvas.getAttribute('data-chart-for'));
      var n = rows && rows.tBodies[0] ? Math.min(rows.tBodies[0].rows.length, 15) : 0;
      box.style.height = Math.max(160, 28 * n + 40) + 'px';
      chart(canvas);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
