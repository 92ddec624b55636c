// The moderation queue at speed: keyboard shortcuts, focus on the next comment after a decision, select all.
// Everything here has a plain-HTML counterpart (buttons, checkboxes, anchors), so the queue works without it.
(function () {
  'use strict';

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll('.queue-item'));
  }

  function current() {
    var active = document.activeElement;
    return active && active.closest ? active.closest('.queue-item') : null;
  }

  function focusItem(item) {
    if (item) {
      item.focus();
      item.scrollIntoView({ block: 'nearest' });
    }
  }

  function move(step) {
    var list = items();
    if (list.length === 0) {
      return;
    }
    var index = list.indexOf(current());
    var next = index < 0 ? 0 : Math.min(list.length - 1, Math.max(0, index + step));
    focusItem(list[next]);
  }

  function decide(item, action) {
    var button = item && item.querySelector('button[data-action="' + action + '"]');
    if (button) {
      button.click();
    }
  }

  var keys = {
    j: function () { move(1); },
    k: function () { move(-1); },
    a: function (item) { decide(item, 'APPROVE'); },
    s: function (item) { decide(item, 'SPAM'); },
    r: function (item) { decide(item, 'REJECT'); },
    x: function (item) {
      var box = item && item.querySelector('input[name="ids"]');
      if (box) {
        box.checked = !box.checked;
      }
    },
    o: function (item) {
      var link = item && item.querySelector('a.queue-open');
      if (link) {
        link.click();
      }
    }
  };

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    // Typing in a field (search, bulk menu) is typing, not a shortcut.
    if (target && target.matches && target.matches('input:not([type=checkbox]), textarea, select, [contenteditable]')) {
      return;
    }
    var handler = keys[event.key];
    if (!handler) {
      return;
    }
    var item = current();
    if (event.key !== 'j' && event.key !== 'k' && !item) {
      return;
    }
    event.preventDefault();
    handler(item);
  });

  document.addEventListener('DOMContentLoaded', function () {
    // After a decision the page comes back at the next comment (#queue-<id>): put the keyboard there too.
    var hash = window.location.hash;
    if (/^#queue-\d+$/.test(hash)) {
      focusItem(document.getElementById(hash.substring(1)));
    }
    var all = document.getElementById('select-all');
    if (all) {
      all.closest('label').hidden = false;
      all.addEventListener('change', function () {
        document.querySelectorAll('.queue-item input[name="ids"]').forEach(function (box) {
          box.checked = all.checked;
        });
      });
    }
  });
})();
