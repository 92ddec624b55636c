// The article editor, enhanced: the form works the same without this script.
// - Keeps what is typed in the background (an autosave, never the article itself), so nothing is lost to a
//   crash, a closed tab or an ended session; the server offers it back on the next visit.
// - Renders the body beside the text as it is typed (the server's own renderer and sanitizer), with the
//   word count and reading time.
// - Warns before leaving a form with changes not yet saved.
(function () {
  'use strict';
  var form = document.querySelector('form.article-form');
  if (!form || !window.fetch) {
    return;
  }
  var url = form.getAttribute('data-autosave');
  var status = form.querySelector('.autosave-status');
  var count = form.querySelector('.word-count');
  var preview = form.querySelector('.live-preview');
  var previewBody = preview ? preview.querySelector('.article-body') : null;
  var dirty = false;
  var submitting = false;
  var timer = null;
  var inFlight = false;
  var again = false;

  if (preview) {
    preview.hidden = false;
    form.classList.add('with-live-preview');
  }

  function message(name, values) {
    var text = form.getAttribute(name) || '';
    (values || []).forEach(function (value, i) {
      text = text.replace('{' + i + '}', value);
    });
    return text;
  }

  /** A failure whose message is meant for the editor (a network error's is not). */
  function shown(text) {
    var problem = new Error(text);
    problem.shown = true;
    return problem;
  }

  function fields() {
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') {
        data.append(name, value);
      }
    });
    return data;
  }

  function keep() {
    timer = null;
    if (submitting) {
      return;
    }
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: fields()
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (response.status === 403) {
        // The session has ended: the text stays in the form, and Save keeps it through signing in again.
        throw shown(message('data-session-ended'));
      }
      if (!response.ok || type.indexOf('application/json') < 0) {
        throw shown(message('data-autosave-failed'));
      }
      return response.json();
    }).then(function (kept) {
      if (submitting) {
        return;
      }
      status.textContent = kept.lockedBy ? message('data-lock-lost', [kept.lockedBy])
        : message('data-autosaved', [kept.savedAt]);
      if (count) {
        count.textContent = message('data-count', [kept.words.toLocaleString('en'), kept.minutes]);
      }
      if (previewBody) {
        // HTML from the server's Markdown renderer and allow-list sanitizer, as readers will get it.
        previewBody.innerHTML = kept.html;
      }
    }).catch(function (problem) {
      status.textContent = problem && problem.shown ? problem.message : message('data-autosave-failed');
    }).then(function () {
      inFlight = false;
      if (again) {
        again = false;
        keep();
      }
    });
  }

  form.addEventListener('input', function () {
    dirty = true;
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(keep, 700);
  });
  form.addEventListener('change', function () {
    dirty = true;
  });
  form.addEventListener('submit', function () {
    submitting = true;
    dirty = false;
    if (timer) {
      clearTimeout(timer);
    }
  });
  window.addEventListener('beforeunload', function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}());
