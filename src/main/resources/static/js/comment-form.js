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
