// Sends the CSRF token on htmx requests and asks before destructive actions. No inline scripts: the page's
// Content Security Policy forbids them.
(function () {
  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }
  document.addEventListener('htmx:configRequest', function (evt) {
    var header = meta('_csrf_header');
    var token = meta('_csrf');
    if (header && token) {
      evt.detail.headers[header] = token;
    }
  });
  // <form data-confirm="question"> asks before submitting.
  document.addEventListener('submit', function (evt) {
    var form = evt.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      evt.preventDefault();
    }
  }, true);
  // <input data-no-submit> (a picker's search box inside a form) does not submit the form on Enter.
  document.addEventListener('keydown', function (evt) {
    var el = evt.target;
    if (evt.key === 'Enter' && el.hasAttribute && el.hasAttribute('data-no-submit')) {
      evt.preventDefault();
    }
  });
  // <select data-autosubmit> submits its form when changed (language switch, filters).
  document.addEventListener('change', function (evt) {
    var el = evt.target;
    if (el.hasAttribute && el.hasAttribute('data-autosubmit') && el.form) {
      el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
    }
  });
  // A folded section (<details>) opens when the address points at it or into it: "#files" after an upload, a link
  // to a project's attachments. Without scripts the section simply stays folded and opens on a click.
  function openAddressedSection() {
    var id = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : '';
    for (var el = id ? document.getElementById(id) : null; el; el = el.parentElement) {
      if (el.tagName === 'DETAILS') {
        el.open = true;
      }
    }
  }
  document.addEventListener('DOMContentLoaded', openAddressedSection);
  window.addEventListener('hashchange', openAddressedSection);
})();
