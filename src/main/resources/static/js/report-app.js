// THANHHOA-S field reports in the browser: the report form (category, photos resized on the device,
// a map pin, duplicates nearby), sending to the API, and the offline outbox. A report that cannot be
// sent now is kept in IndexedDB with its photos and its Idempotency-Key, and sent when the network
// returns; the same key makes a resend return the first report, so it is created exactly once.
(function () {
  'use strict';

  var T = {};
  var i18n = document.getElementById('report-i18n');
  if (i18n) {
    try { T = JSON.parse(i18n.textContent); } catch (e) { T = {}; }
  }
  function t(key, arg) {
    var text = T[key] || key;
    return arg === undefined ? text : text.replace('{0}', arg);
  }
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }
  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  // ------------------------------------------------------------------ the outbox (IndexedDB)

  var DB = 'tinhso-reports';
  var STORE = 'outbox';
  function db() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) {
        reject(new Error('no IndexedDB'));
        return;
      }
      var open = indexedDB.open(DB, 1);
      open.onupgradeneeded = function () { open.result.createObjectStore(STORE, { keyPath: 'key' }); };
      open.onsuccess = function () { resolve(open.result); };
      open.onerror = function () { reject(open.error); };
    });
  }
  function store(mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var tx = d.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { resolve(result && 'result' in result ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }
  var outbox = {
    all: function () { return store('readonly', function (s) { return s.getAll(); }).then(function (r) { return r || []; }); },
    put: function (item) { return store('readwrite', function (s) { return s.put(item); }); },
    remove: function (key) { return store('readwrite', function (s) { return s.delete(key); }); }
  };

  // ------------------------------------------------------------------ sending

  /** Sends one report; resolves to {ok, status, body}. Rejects only when the network failed. */
  function send(item) {
    var data = new FormData();
    Object.keys(item.fields).forEach(function (k) {
      if (item.fields[k] !== null && item.fields[k] !== undefined && item.fields[k] !== '') {
        data.append(k, item.fields[k]);
      }
    });
    item.files.forEach(function (f) { data.append('photos', f.blob, f.name); });
    var headers = { 'Idempotency-Key': item.key, 'X-Report-Source': 'app', 'Accept': 'application/json' };
    var c = csrf();
    if (c) {
      headers[c.header] = c.token;
    }
    return fetch('/api/v1/reports', { method: 'POST', body: data, headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (text) {
          var body = null;
          try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
          return { ok: response.ok, status: response.status, body: body };
        });
      });
  }

  /** A fresh CSRF token from the server, when the page's one is stale (a page opened offline). */
  function refreshCsrf() {
    return fetch('/reports/new', { credentials: 'same-origin', cache: 'no-store', headers: { 'X-Refresh': '1' } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        ['_csrf', '_csrf_header'].forEach(function (name) {
          var fresh = doc.querySelector('meta[name="' + name + '"]');
          var mine = document.querySelector('meta[name="' + name + '"]');
          if (fresh && mine) {
            mine.content = fresh.content;
          } else if (fresh) {
            document.head.appendChild(fresh.cloneNode());
          }
        });
      });
  }

  function errorsOf(body) {
    var errors = {};
    if (body && Array.isArray(body.errors)) {
      body.errors.forEach(function (e) {
        var field = String(e.field || '').replace(/\[\d+\]$/, '');
        if (!(field in errors)) {
          errors[field] = e.message;
        }
      });
    }
    if (Object.keys(errors).length === 0 && body && (body.detail || body.title)) {
      errors[''] = body.detail || body.title;
    }
    return errors;
  }

  var flushing = false;
  /** Sends what waits in the outbox, one by one; removes each only once the server has it. */
  function flush() {
    if (flushing || navigator.onLine === false) {
      return Promise.resolve();
    }
    flushing = true;
    var refreshed = false;
    function one(item) {
      return send(item).then(function (result) {
        if (result.status === 403 && !refreshed) {
          refreshed = true;
          return refreshCsrf().then(function () { return one(item); });
        }
        if (result.ok) {
          return outbox.remove(item.key).then(function () { announceSent(result.body, true); });
        }
        if (result.status >= 400 && result.status < 500 && result.status !== 429 && result.status !== 403) {
          item.errors = errorsOf(result.body);
          return outbox.put(item);
        }
        return null; // the server is busy or failing: try again later
      });
    }
    return outbox.all().then(function (items) {
      var waiting = items.filter(function (i) { return !i.errors; });
      return waiting.reduce(function (p, item) { return p.then(function () { return one(item); }); }, Promise.resolve());
    }).catch(function () { /* still offline: the next try sends it */ })
      .then(function () { flushing = false; return renderOutbox(); });
  }

  // ------------------------------------------------------------------ the outbox list

  function renderOutbox() {
    var box = document.getElementById('report-outbox-box');
    var list = document.getElementById('report-outbox');
    if (!box || !list) {
      return Promise.resolve();
    }
    return outbox.all().then(function (items) {
      list.innerHTML = '';
      box.hidden = items.length === 0;
      items.sort(function (a, b) { return a.createdAt < b.createdAt ? -1 : 1; }).forEach(function (item) {
        var li = el('li', { 'class': 'list-group-item report-queued', 'data-key': item.key });
        var head = el('div', { 'class': 'd-flex flex-wrap justify-content-between gap-2' });
        head.appendChild(el('strong', {}, (item.categoryName ? item.categoryName + ' · ' : '')
          + new Date(item.createdAt).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' })));
        head.appendChild(el('span', { 'class': 'badge ' + (item.errors ? 'text-bg-danger' : 'text-bg-warning') },
          item.errors ? t('failed') : t('queued')));
        li.appendChild(head);
        li.appendChild(el('div', { 'class': 'small text-truncate' }, item.fields.description));
        if (item.errors) {
          var ul = el('ul', { 'class': 'small text-danger mb-1' });
          Object.keys(item.errors).forEach(function (k) { ul.appendChild(el('li', {}, item.errors[k])); });
          li.appendChild(ul);
          if (document.getElementById('report-form')) {
            var fix = el('button', { type: 'button', 'class': 'btn btn-sm btn-primary me-2 report-fix' }, t('fix'));
            fix.addEventListener('click', function () { loadIntoForm(item); });
            li.appendChild(fix);
          } else {
            li.appendChild(el('a', { 'class': 'btn btn-sm btn-primary me-2', href: '/reports/new#' + item.key }, t('fix')));
          }
        }
        var remove = el('button', { type: 'button', 'class': 'btn btn-sm btn-outline-danger report-remove' }, t('remove'));
        remove.addEventListener('click', function () {
          if (window.confirm(t('removeConfirm'))) {
            outbox.remove(item.key).then(renderOutbox);
          }
        });
        li.appendChild(remove);
        list.appendChild(li);
      });
    }).catch(function () { box.hidden = true; });
  }

  function announceSent(report, fromQueue) {
    var result = document.getElementById('report-result');
    if (!result || !report) {
      return;
    }
    result.innerHTML = '';
    var alert = el('div', { 'class': 'alert alert-success', id: 'report-done' });
    alert.appendChild(el('span', {}, t(fromQueue ? 'sentQueued' : 'sent', '#' + report.number) + ' '));
    if (report.reporter && report.reporter.accountId) {
      alert.appendChild(el('a', { href: '/my/reports/' + report.id, 'class': 'alert-link', id: 'report-done-link' }, t('open')));
    }
    result.appendChild(alert);
  }

  // ------------------------------------------------------------------ the form

  var form = document.getElementById('report-form');
  var photos = [];   // {file, url}
  var key = null;
  var map = null;
  var marker = null;
  var skipDuplicates = false;

  function setErrors(errors) {
    form.querySelectorAll('.is-invalid').forEach(function (e) { e.classList.remove('is-invalid'); });
    form.querySelectorAll('.invalid-feedback').forEach(function (e) { e.textContent = ''; });
    var general = document.getElementById('form-msg');
    var keys = Object.keys(errors);
    var loose = errors[''] ? [errors['']] : [];
    keys.forEach(function (field) {
      var msg = field ? document.getElementById(field + '-msg') : null;
      if (field && !msg) {
        loose.push(errors[field]);
      }
      if (msg) {
        msg.textContent = errors[field];
        var input = document.getElementById(field === 'location' ? 'lat' : field);
        if (input) {
          input.classList.add('is-invalid');
        }
        if (field === 'location') {
          document.getElementById('lon').classList.add('is-invalid');
        }
      }
    });
    if (general) {
      general.hidden = keys.length === 0;
      general.textContent = loose.length ? loose.join(' ') : t('formErrors');
      if (keys.length) {
        general.setAttribute('tabindex', '-1');
        general.focus();
      }
    }
  }

  function selectedCategory() {
    var c = form.querySelector('input[name="category"]:checked');
    return c ? c : null;
  }

  function updateAnonymous() {
    var c = selectedCategory();
    var allowed = !c || c.getAttribute('data-anonymous') === 'true';
    var box = document.getElementById('anonymous-box');
    var checkbox = document.getElementById('anonymous');
    box.hidden = !allowed;
    document.getElementById('anonymous-not-allowed').hidden = allowed || !c;
    if (!allowed) {
      checkbox.checked = false;
    }
    var anonymous = checkbox.checked;
    document.getElementById('contact-fields').querySelectorAll('input').forEach(function (i) { i.disabled = anonymous; });
  }

  // Photos: kept in a list so that several shots can be added one by one; previews with a remove button.
  function renderPhotos() {
    var list = document.getElementById('photos-list');
    list.innerHTML = '';
    photos.forEach(function (p, index) {
      var li = el('li', { 'class': 'report-preview' });
      if (p.file.type.indexOf('video/') === 0) {
        li.appendChild(el('span', { 'class': 'report-video-chip' }, '🎬 ' + p.file.name));
      } else {
        li.appendChild(el('img', { src: p.url, alt: t('photoAlt', index + 1), width: 96, height: 72, 'class': 'report-thumb' }));
      }
      var remove = el('button', { type: 'button', 'class': 'btn btn-sm btn-light border', 'aria-label': t('photoRemove', index + 1) }, '✕');
      remove.addEventListener('click', function () {
        URL.revokeObjectURL(p.url);
        photos.splice(index, 1);
        renderPhotos();
      });
      li.appendChild(remove);
      list.appendChild(li);
    });
  }

  function addFiles(files) {
    var max = parseInt(form.getAttribute('data-max-photos'), 10) || 5;
    var problem = null;
    Array.prototype.forEach.call(files, function (file) {
      var video = file.type.indexOf('video/') === 0;
      var hasVideo = photos.some(function (p) { return p.file.type.indexOf('video/') === 0; });
      if (video && (hasVideo || photos.length > 0) || !video && hasVideo) {
        problem = t('oneVideo');
      } else if (photos.length >= max) {
        problem = t('tooManyPhotos', max);
      } else {
        photos.push({ file: file, url: URL.createObjectURL(file) });
      }
    });
    document.getElementById('photos-msg').textContent = problem || '';
    document.getElementById('photos').classList.toggle('is-invalid', !!problem);
    renderPhotos();
  }

  /** A photo as it is sent: the original when small (its EXIF place and time survive), else resized. */
  function prepare(file) {
    var LIMIT = 3 * 1024 * 1024;
    var MAX_SIDE = 2048;
    if (file.type.indexOf('image/') !== 0 || file.size <= LIMIT && /^image\/(jpeg|png)$/.test(file.type)) {
      return Promise.resolve({ blob: file, name: file.name });
    }
    return new Promise(function (resolve) {
      var img = new Image();
      var url = URL.createObjectURL(file);
      img.onload = function () {
        var scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(img.naturalWidth * scale);
        canvas.height = Math.round(img.naturalHeight * scale);
        canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        canvas.toBlob(function (blob) {
          resolve(blob ? { blob: blob, name: file.name.replace(/\.[^.]*$/, '') + '.jpg' } : { blob: file, name: file.name });
        }, 'image/jpeg', 0.85);
      };
      img.onerror = function () { URL.revokeObjectURL(url); resolve({ blob: file, name: file.name }); };
      img.src = url;
    });
  }

  // The map: a draggable pin that starts at the device's position when allowed, else the province centre.
  function initMap() {
    var node = document.getElementById('report-map');
    if (!node || !window.L) {
      return;
    }
    var lat = document.getElementById('lat');
    var lon = document.getElementById('lon');
    var area = readArea(node);
    map = L.map(node, { scrollWheelZoom: false }).setView([area.lat, area.lon], 12);
    addTiles(map, node);
    marker = L.marker([area.lat, area.lon], { draggable: true, keyboard: true, title: t('pin'), alt: t('pin') }).addTo(map);
    function place(latlng, pan) {
      marker.setLatLng(latlng);
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      if (pan) {
        map.panTo(latlng);
      }
      var inside = latlng.lat >= area.minLat && latlng.lat <= area.maxLat && latlng.lng >= area.minLon && latlng.lng <= area.maxLon;
      document.getElementById('location-msg').textContent = inside ? '' : t('outside');
    }
    marker.on('dragend', function () { place(marker.getLatLng(), false); });
    map.on('click', function (e) { place(e.latlng, false); });
    function typed() {
      var a = parseFloat(lat.value);
      var b = parseFloat(lon.value);
      if (!isNaN(a) && !isNaN(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180) {
        place(L.latLng(a, b), true);
      }
    }
    lat.addEventListener('change', typed);
    lon.addEventListener('change', typed);
    if (lat.value && lon.value) {
      typed();
    } else {
      place(L.latLng(area.lat, area.lon), false);
    }
    function locate(asked) {
      var msg = document.getElementById('locate-msg');
      if (!navigator.geolocation) {
        if (asked) { msg.textContent = t('locationFailed'); }
        return;
      }
      navigator.geolocation.getCurrentPosition(function (pos) {
        var here = L.latLng(pos.coords.latitude, pos.coords.longitude);
        var inside = here.lat >= area.minLat && here.lat <= area.maxLat && here.lng >= area.minLon && here.lng <= area.maxLon;
        if (inside || asked) {
          place(here, true);
          map.setZoom(17);
          msg.textContent = t('located');
        }
      }, function () { if (asked) { msg.textContent = t('locationFailed'); } }, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
    }
    document.getElementById('locate-me').addEventListener('click', function () { locate(true); });
    if (!lat.defaultValue) {
      locate(false);
    }
  }

  function readArea(node) {
    function n(name) { return parseFloat(node.getAttribute('data-' + name)); }
    return { lat: n('lat'), lon: n('lon'), minLat: n('min-lat'), minLon: n('min-lon'), maxLat: n('max-lat'), maxLon: n('max-lon') };
  }

  function addTiles(m, node) {
    var tiles = node.getAttribute('data-tiles');
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: node.getAttribute('data-attribution') || '' }).addTo(m);
    }
  }

  function fields() {
    var c = selectedCategory();
    var anonymous = document.getElementById('anonymous').checked;
    function v(id) { return document.getElementById(id).value.trim(); }
    return {
      category: c ? c.value : '', description: v('description'), lat: v('lat'), lon: v('lon'),
      commune: v('commune'), address: v('address'), anonymous: anonymous ? 'true' : 'false',
      name: anonymous ? '' : v('name'), phone: anonymous ? '' : v('phone'), email: anonymous ? '' : v('email')
    };
  }

  function categoryName() {
    var c = selectedCategory();
    var label = c ? form.querySelector('label[for="' + c.id + '"]') : null;
    return label ? label.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  function resetForm() {
    form.reset();
    photos.forEach(function (p) { URL.revokeObjectURL(p.url); });
    photos = [];
    renderPhotos();
    key = newKey();
    document.getElementById('clientKey').value = key;
    skipDuplicates = false;
    document.getElementById('report-duplicates').hidden = true;
    updateAnonymous();
    if (marker) {
      var area = readArea(document.getElementById('report-map'));
      marker.setLatLng([area.lat, area.lon]);
      document.getElementById('lat').value = area.lat.toFixed(6);
      document.getElementById('lon').value = area.lon.toFixed(6);
    }
  }

  function loadIntoForm(item) {
    key = item.key;
    document.getElementById('clientKey').value = key;
    var f = item.fields;
    var radio = document.getElementById('cat-' + f.category);
    if (radio) {
      radio.checked = true;
    }
    ['description', 'lat', 'lon', 'commune', 'address', 'name', 'phone', 'email'].forEach(function (id) {
      document.getElementById(id).value = f[id] || '';
    });
    document.getElementById('anonymous').checked = f.anonymous === 'true';
    document.getElementById('lat').dispatchEvent(new Event('change'));
    photos = item.files.map(function (x) {
      var file = new File([x.blob], x.name, { type: x.blob.type });
      return { file: file, url: URL.createObjectURL(file) };
    });
    renderPhotos();
    updateAnonymous();
    setErrors(item.errors || {});
    form.scrollIntoView();
  }

  /** Duplicates nearby: resolves true when the user wants to send anyway (or there are none). */
  function checkDuplicates(f) {
    if (skipDuplicates || !f.category || !f.lat || !f.lon || navigator.onLine === false) {
      return Promise.resolve(true);
    }
    var url = '/api/v1/reports/nearby?category=' + encodeURIComponent(f.category) + '&lat=' + encodeURIComponent(f.lat)
      + '&lon=' + encodeURIComponent(f.lon);
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (list) {
        if (!list || list.length === 0) {
          return true;
        }
        showDuplicates(list);
        return false;
      }).catch(function () { return true; });
  }

  function showDuplicates(list) {
    var box = document.getElementById('report-duplicates');
    var ul = document.getElementById('report-duplicates-list');
    var signedIn = form.getAttribute('data-signed-in') === 'true';
    ul.innerHTML = '';
    list.slice(0, 5).forEach(function (r) {
      var li = el('li', { 'class': 'list-group-item' });
      li.appendChild(el('strong', {}, '#' + r.number + ' · ' + (r.categoryName || '')));
      li.appendChild(el('div', { 'class': 'small' }, r.text));
      if (r.address) {
        li.appendChild(el('div', { 'class': 'small text-body-secondary' }, r.address));
      }
      if (signedIn) {
        var follow = el('button', { type: 'button', 'class': 'btn btn-sm btn-primary mt-1 report-follow', 'data-number': r.number }, t('follow'));
        follow.addEventListener('click', function () { followInstead(r.number, follow); });
        li.appendChild(follow);
      } else {
        li.appendChild(el('div', { 'class': 'small mt-1' }, t('signInToFollow')));
      }
      ul.appendChild(li);
    });
    box.hidden = false;
    box.focus();
  }

  function followInstead(number, button) {
    var headers = { Accept: 'application/json' };
    var c = csrf();
    if (c) {
      headers[c.header] = c.token;
    }
    button.disabled = true;
    fetch('/api/v1/reports/' + number + '/follow', { method: 'POST', headers: headers, credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) {
          throw new Error(String(r.status));
        }
        resetForm();
        var result = document.getElementById('report-result');
        result.innerHTML = '';
        result.appendChild(el('div', { 'class': 'alert alert-success', id: 'report-done' }, t('followed', '#' + number)));
        result.scrollIntoView();
      }).catch(function () { button.disabled = false; setErrors({ '': t('serverError') }); });
  }

  function submit(event) {
    event.preventDefault();
    var button = document.getElementById('report-submit');
    var f = fields();
    button.disabled = true;
    checkDuplicates(f).then(function (go) {
      if (!go) {
        button.disabled = false;
        return null;
      }
      return Promise.all(photos.map(function (p) { return prepare(p.file); })).then(function (files) {
        var item = { key: key, fields: f, files: files, createdAt: new Date().toISOString(), categoryName: categoryName(), errors: null };
        if (navigator.onLine === false) {
          return queue(item);
        }
        var status = document.getElementById('report-result');
        status.textContent = t('sending');
        return send(item).then(function (result) {
          status.textContent = '';
          if (result.ok) {
            return outbox.remove(item.key).catch(function () { return null; }).then(function () {
              resetForm();
              setErrors({});
              announceSent(result.body, false);
              renderOutbox();
              document.getElementById('report-result').scrollIntoView();
            });
          }
          if (result.status >= 400 && result.status < 500 && result.status !== 429) {
            setErrors(errorsOf(result.body));
            return null;
          }
          return queue(item); // the server is busy: keep it and send it later
        }, function () {
          status.textContent = '';
          return queue(item);
        });
      });
    }).then(function () { button.disabled = false; }, function () { button.disabled = false; });
  }

  function queue(item) {
    return outbox.put(item).then(function () {
      resetForm();
      setErrors({});
      var result = document.getElementById('report-result');
      result.innerHTML = '';
      result.appendChild(el('div', { 'class': 'alert alert-warning', id: 'report-queued-note' }, t('queuedNotice')));
      return renderOutbox();
    }).then(function () { document.getElementById('report-result').scrollIntoView(); });
  }

  if (form) {
    key = document.getElementById('clientKey').value || newKey();
    document.getElementById('clientKey').value = key;
    form.addEventListener('submit', submit);
    form.querySelectorAll('input[name="category"]').forEach(function (r) {
      r.addEventListener('change', function () { skipDuplicates = false; updateAnonymous(); });
    });
    document.getElementById('anonymous').addEventListener('change', updateAnonymous);
    var input = document.getElementById('photos');
    input.addEventListener('change', function () {
      addFiles(input.files);
      input.value = '';
    });
    document.getElementById('send-anyway').addEventListener('click', function () {
      skipDuplicates = true;
      document.getElementById('report-duplicates').hidden = true;
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    updateAnonymous();
    initMap();
    if (location.hash.length > 1) {
      var wanted = location.hash.substring(1);
      outbox.all().then(function (items) {
        items.filter(function (i) { return i.key === wanted; }).forEach(loadIntoForm);
      }).catch(function () { return null; });
    }
  }

  // Read-only maps (a report's place on the desk and on "my report").
  document.querySelectorAll('[data-report-pin]').forEach(function (node) {
    if (!window.L) {
      return;
    }
    var here = [parseFloat(node.getAttribute('data-lat')), parseFloat(node.getAttribute('data-lon'))];
    var m = L.map(node, { scrollWheelZoom: false }).setView(here, 16);
    addTiles(m, node);
    L.marker(here, { keyboard: false, alt: node.getAttribute('aria-label') || '' }).addTo(m);
  });

  // The outbox: shown on the form and on "my reports", sent on load, when the network returns, and every 20 s.
  function online() {
    var note = document.getElementById('report-offline-note');
    if (note) {
      note.hidden = navigator.onLine !== false;
    }
  }
  if (document.getElementById('report-outbox')) {
    renderOutbox().then(flush);
    window.addEventListener('online', function () { online(); flush(); });
    window.addEventListener('offline', online);
    setInterval(flush, 20000);
    online();
  }
}());
