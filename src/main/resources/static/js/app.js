// Sends the CSRF token with every htmx request, and installs the service worker (PWA shell).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
if ('serviceWorker' in navigator) {
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js').catch(function () { /* the portal works without it */ });
  });
}
// Forms with data-confirm ask before submitting (no inline script: the CSP allows only this file).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
// Buttons of a form being submitted are disabled, so that a double click sends it once.
document.addEventListener('submit', function (event) {
  if (event.defaultPrevented) {
    return;
  }
  var buttons = event.target.querySelectorAll ? event.target.querySelectorAll('button[type="submit"][data-once]') : [];
  setTimeout(function () { buttons.forEach(function (b) { b.disabled = true; }); }, 0);
});
// Copy buttons (data-copy="#input"): hidden without JavaScript, where the address stays selectable in its field.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var field = document.querySelector(button.getAttribute('data-copy'));
    if (!field || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(field.value).then(function () {
        var status = document.getElementById('copy-status');
        if (status) {
          status.textContent = button.getAttribute('data-copied') || '';
        }
      }, function () {
        field.select();
      });
    });
  });
});
