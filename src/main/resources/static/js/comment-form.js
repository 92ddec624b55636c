// A live character count under the comment box. The box has no maxlength (that would cut a long paste without a
// word); the count says how far over the limit the text is, and the server's message says the same on sending.
(function () {
  'use strict';

  var format = new Intl.NumberFormat('en');

  document.addEventListener('DOMContentLoaded', function () {
    var body = document.getElementById('comment-body');
    var count = document.getElementById('comment-body-count');
    if (!body || !count) {
      return;
    }
    var max = parseInt(body.getAttribute('data-max-length'), 10);
    if (!(max > 0)) {
      return;
    }
    var wasOver = null;
    function update() {
      // The server counts the text without surrounding blanks; so does this.
      var length = body.value.trim().length;
      var over = length > max;
      count.textContent = over
        ? format.format(length) + ' of ' + format.format(max) + ' characters: ' + format.format(length - max)
            + ' too many. Shorten it before sending.'
        : format.format(length) + ' of ' + format.format(max) + ' characters.';
      count.classList.toggle('over-limit', over);
      if (over !== wasOver) {
        body.setAttribute('aria-invalid', over ? 'true' : (body.closest('.field-error') ? 'true' : 'false'));
        wasOver = over;
      }
    }
    body.addEventListener('input', update);
    update();
  });
})();

// A kept page (the page cache's, or a cache tier's in front) carries an empty token (comment.CommentFormSlot): it is
// fetched here when the reader starts writing, so that only readers who comment cost the site a request, not every
// view. Sending waits for it. Should it fail, the comment goes without one and the reply asks the reader to send it
// once more.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form.comment-form');
    var token = form && form.querySelector('input[name="token"][data-token-from]');
    if (!token) {
      return;
    }
    var pending = null;
    function fetchToken() {
      if (!pending) {
        pending = fetch(token.getAttribute('data-token-from'), { credentials: 'omit', cache: 'no-store' })
          .then(function (response) {
            if (!response.ok) {
              throw new Error('token: ' + response.status);
            }
            return response.text();
          })
          .then(function (html) {
            // The same hidden input the page would have carried, as an include of the slot.
            var served = new DOMParser().parseFromString(html, 'text/html').querySelector('input[name="token"]');
            if (served && served.value) {
              token.value = served.value;
            }
          })
          .catch(function () {
            pending = null;
          });
      }
      return pending;
    }
    form.addEventListener('focusin', function () {
      if (!token.value) {
        fetchToken();
      }
    });
    var waited = false;
    form.addEventListener('submit', function (event) {
      if (token.value || waited) {
        return;
      }
      event.preventDefault();
      waited = true;
      fetchToken().then(function () {
        form.submit();
      });
    });
  });
})();
