// The public map of field reports (/reports) and the small map of one report (/reports/{number}).
// Data: GET /api/v1/reports/map for the viewport and the filters of #report-filters; reloaded,
// debounced, when the map moves or a filter changes. No inline script: the CSP allows only files.
(function () {
  'use strict';

  function debounce(fn, ms) {
    var timer;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function format(template, value) {
    return (template || '').replace('{0}', value);
  }

  function tiles(map, el) {
    var url = el.getAttribute('data-tiles');
    if (url) {
      L.tileLayer(url, { maxZoom: 19, attribution: el.getAttribute('data-attribution') || '' }).addTo(map);
    }
  }

  // A report's pin: a disc in the status colour with the category icon (a small dot when zoomed
  // out, so that nearby pins stay apart); focusable, with a title.
  function pinIcon(status, icon, number, zoom) {
    var size = zoom === undefined || zoom >= 14 ? 32 : zoom >= 12 ? 24 : 16;
    var span = document.createElement('span');
    span.className = 'rp-pin-face rp-pin-' + size;
    span.textContent = size >= 24 ? (icon || '•') : '';
    if (number) {
      span.setAttribute('data-number', number);
    }
    return L.divIcon({ className: 'rp-pin rp-' + status, html: span, iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
  }

  function statusNames() {
    var names = {};
    document.querySelectorAll('#map-legend [data-status]').forEach(function (li) {
      names[li.getAttribute('data-status')] = li.textContent.trim();
    });
    return names;
  }

  function publicMap(el) {
    var map = L.map(el, { scrollWheelZoom: true })
      .setView([parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)], parseInt(el.dataset.zoom, 10));
    tiles(map, el);
    var area = L.latLngBounds([parseFloat(el.dataset.minLat), parseFloat(el.dataset.minLon)],
      [parseFloat(el.dataset.maxLat), parseFloat(el.dataset.maxLon)]);
    map.setMaxBounds(area.pad(0.5));
    var layer = L.layerGroup().addTo(map);
    var form = document.getElementById('report-filters');
    var status = document.getElementById('map-status');
    var names = statusNames();
    var controller = null;
    var compact = new Intl.NumberFormat(document.documentElement.lang || 'vi', { notation: 'compact' });

    function filters() {
      var params = new URLSearchParams();
      if (!form) {
        return params;
      }
      var data = new FormData(form);
      ['category', 'commune', 'from', 'to'].forEach(function (name) {
        var v = (data.get(name) || '').trim();
        if (v) {
          params.set(name, v);
        }
      });
      var statuses = data.getAll('status');
      if (statuses.length) {
        params.set('status', statuses.join(','));
      }
      return params;
    }

    function clamp(v, limit) {
      return Math.max(-limit, Math.min(limit, v));
    }

    function load() {
      var b = map.getBounds();
      var params = filters();
      params.set('bbox', [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180),
        clamp(b.getNorth(), 90)].map(function (n) { return n.toFixed(5); }).join(','));
      params.set('zoom', String(map.getZoom()));
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      el.setAttribute('aria-busy', 'true');
      fetch('/api/v1/reports/map?' + params.toString(), { headers: { Accept: 'application/json' }, signal: controller.signal })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r); })
        .then(function (data) {
          render(data);
          el.removeAttribute('aria-busy');
          el.setAttribute('data-loaded', String(data.total));
          status.textContent = format(el.dataset.msgInView, data.total);
        })
        .catch(function (e) {
          if (e && e.name === 'AbortError') {
            return;
          }
          el.removeAttribute('aria-busy');
          status.textContent = el.dataset.msgError;
        });
    }

    function render(data) {
      layer.clearLayers();
      (data.clusters || []).forEach(function (c) {
        // Sized by the count on a log scale, never wider than a grid cell (60 px), so circles stay apart.
        var size = Math.round(Math.min(56, 28 + 7 * Math.log10(c.count)));
        var span = document.createElement('span');
        span.textContent = compact.format(c.count);
        var label = format(el.dataset.msgCluster, c.count);
        L.marker([c.lat, c.lon], {
          icon: L.divIcon({ className: 'rp-cluster', html: span, iconSize: [size, size] }),
          title: label, alt: label, keyboard: true
        }).on('click', function () {
          map.setView([c.lat, c.lon], Math.min(map.getZoom() + 2, 19));
        }).addTo(layer);
      });
      (data.points || []).forEach(function (p) {
        var title = format(el.dataset.msgTitle, p.number) + ' · ' + (names[p.status] || p.status);
        var link = document.createElement('a');
        link.href = '/reports/' + p.number;
        link.textContent = el.dataset.msgOpen + ' #' + p.number;
        var box = document.createElement('div');
        var line = document.createElement('div');
        line.textContent = (p.icon ? p.icon + ' ' : '') + (names[p.status] || p.status);
        box.appendChild(line);
        box.appendChild(link);
        L.marker([p.lat, p.lon], { icon: pinIcon(p.status, p.icon, p.number, map.getZoom()), title: title, alt: title, keyboard: true })
          .bindPopup(box).addTo(layer);
      });
    }

    var reload = debounce(load, 300);
    map.on('moveend', reload);
    if (form) {
      form.addEventListener('change', reload);
      form.addEventListener('submit', reload);
    }
    load();
  }

  function miniMap(el) {
    var at = [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
    var map = L.map(el, { scrollWheelZoom: false }).setView(at, 16);
    tiles(map, el);
    L.marker(at, { icon: pinIcon(el.dataset.status, el.dataset.icon), keyboard: false, interactive: false }).addTo(map);
  }

  function start() {
    if (!window.L) {
      return;
    }
    var el = document.getElementById('report-map');
    if (el) {
      publicMap(el);
    }
    var mini = document.getElementById('report-minimap');
    if (mini) {
      miniMap(mini);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
