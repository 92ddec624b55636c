// The article editor's images and share card, enhanced: without this script the media library link and the
// server-rendered share card (of the saved values) still work.
// - "Insert an image…", a file dropped on the body or pasted into it opens the upload dialog; alt text is asked
//   for before anything is sent; the image goes to the media library (the session's CSRF token sent along) and
//   its Markdown is inserted where the cursor was.
// - The meta description's counter and the share card follow what is typed.
(function () {
  'use strict';
  var form = document.querySelector('form.article-form');
  var dialog = document.getElementById('image-upload');
  if (!form || !window.fetch || !window.FormData) {
    return;
  }

  function byName(name) {
    return form.querySelector('[name="' + name + '"]');
  }

  // ---- Images: upload from the editor --------------------------------------------------------------------
  var body = byName('bodyMarkdown');
  if (dialog && body && typeof dialog.showModal === 'function') {
    var upload = dialog.querySelector('form');
    var fileInput = upload.querySelector('input[type=file]');
    var altInput = upload.querySelector('input[name=altText]');
    var preview = upload.querySelector('.image-upload-preview');
    var error = upload.querySelector('.image-upload-error');
    var status = upload.querySelector('.image-upload-status');
    var submit = upload.querySelector('button[type=submit]');
    var opener = document.querySelector('.insert-image');
    var chosen = null;
    var cursor = { start: 0, end: 0 };
    var sending = false;

    var text = function (name) {
      return dialog.getAttribute(name) || '';
    };

    var say = function (message) {
      error.textContent = message || '';
    };

    var choose = function (file) {
      chosen = file || null;
      say('');
      preview.hidden = true;
      preview.textContent = '';
      if (!chosen) {
        return;
      }
      if (!/^image\/(jpeg|png|gif)$/.test(chosen.type)) {
        say(text('data-not-an-image'));
        return;
      }
      if (chosen.size > Number(text('data-max-bytes'))) {
        say(text('data-too-large'));
        return;
      }
      // A data: address, which the site's Content-Security-Policy allows for images (blob: it does not).
      var reader = new FileReader();
      reader.onload = function () {
        var image = document.createElement('img');
        image.alt = '';
        image.src = reader.result;
        preview.textContent = '';
        preview.appendChild(image);
        preview.hidden = false;
      };
      reader.readAsDataURL(chosen);
    };

    var open = function (file) {
      cursor = { start: body.selectionStart, end: body.selectionEnd };
      upload.reset();
      status.textContent = '';
      choose(file);
      if (file) {
        try {
          var transfer = new DataTransfer();
          transfer.items.add(file);
          fileInput.files = transfer.files;
        } catch (ignored) {
          // Older browsers: the chosen file is kept by the script, the picker just shows none.
        }
      }
      if (!dialog.open) {
        dialog.showModal();
      }
      (file ? altInput : fileInput).focus();
    };

    var insert = function (markdown) {
      var value = body.value;
      var before = value.slice(0, cursor.start);
      var after = value.slice(cursor.end);
      // An image on a line of its own, so it renders as a picture and not inside a sentence.
      var gap = before.length === 0 || /\n\n$/.test(before) ? '' : (/\n$/.test(before) ? '\n' : '\n\n');
      var trail = after.length === 0 || /^\n\n/.test(after) ? '' : (/^\n/.test(after) ? '\n' : '\n\n');
      body.value = before + gap + markdown + trail + after;
      var at = (before + gap + markdown).length;
      body.focus();
      body.setSelectionRange(at, at);
      // Autosave, live preview and the unsaved-changes warning see it as typing.
      body.dispatchEvent(new Event('input', { bubbles: true }));
    };

    if (opener) {
      opener.hidden = false;
      opener.parentNode.hidden = false;
      // Dropping and pasting work only with this script; without it the link opens the media library.
      opener.parentNode.querySelector('.insert-image-hint').hidden = false;
      opener.addEventListener('click', function (event) {
        event.preventDefault();
        open(null);
      });
    }
    fileInput.addEventListener('change', function () {
      choose(fileInput.files[0]);
      if (chosen) {
        altInput.focus();
      }
    });
    upload.querySelector('.image-upload-cancel').addEventListener('click', function () {
      dialog.close();
      body.focus();
    });

    upload.addEventListener('submit', function (event) {
      event.preventDefault();
      if (sending) {
        return;
      }
      if (!chosen) {
        say(text('data-not-an-image'));
        fileInput.focus();
        return;
      }
      if (!altInput.value.trim()) {
        say(text('data-alt-required'));
        altInput.focus();
        return;
      }
      var data = new FormData();
      data.append('file', chosen, chosen.name || 'pasted-image');
      data.append('altText', altInput.value.trim());
      var token = upload.querySelector('input[name=_csrf]');
      if (token) {
        data.append('_csrf', token.value);
      }
      sending = true;
      submit.disabled = true;
      say('');
      status.textContent = text('data-uploading');
      fetch(dialog.getAttribute('data-url'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: token ? { 'Accept': 'application/json', 'X-CSRF-TOKEN': token.value } : { 'Accept': 'application/json' },
        body: data
      }).then(function (response) {
        if (response.status === 413) {
          throw new Error(text('data-too-large'));
        }
        if (response.status === 403) {
          throw new Error(text('data-session-ended'));
        }
        var type = response.headers.get('Content-Type') || '';
        if (type.indexOf('application/json') < 0) {
          throw new Error(text('data-failed'));
        }
        return response.json().then(function (answer) {
          if (!response.ok) {
            throw new Error(answer.message || text('data-failed'));
          }
          return answer;
        });
      }).then(function (uploaded) {
        dialog.close();
        insert(uploaded.markdown);
      }).catch(function (problem) {
        say(problem && problem.message ? problem.message : text('data-failed'));
      }).then(function () {
        sending = false;
        submit.disabled = false;
        status.textContent = '';
      });
    });

    var imageIn = function (items) {
      for (var i = 0; items && i < items.length; i++) {
        var item = items[i];
        var file = item.getAsFile ? (item.kind === 'file' ? item.getAsFile() : null) : item;
        if (file && /^image\//.test(file.type)) {
          return file;
        }
      }
      return null;
    };

    body.addEventListener('dragover', function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0) {
        event.preventDefault();
        body.classList.add('dropping');
      }
    });
    body.addEventListener('dragleave', function () {
      body.classList.remove('dropping');
    });
    body.addEventListener('drop', function (event) {
      body.classList.remove('dropping');
      var file = event.dataTransfer ? imageIn(event.dataTransfer.files) : null;
      if (file) {
        event.preventDefault();
        body.focus();
        open(file);
      }
    });
    body.addEventListener('paste', function (event) {
      var file = event.clipboardData ? imageIn(event.clipboardData.items) || imageIn(event.clipboardData.files) : null;
      if (file) {
        event.preventDefault();
        open(file);
      }
    });
    if (window.location.hash === '#image-upload') {
      open(null);
    }
  }

  // ---- Meta description counter and share card ------------------------------------------------------------
  var meta = byName('metaDescription');
  var counter = document.getElementById('meta-description-count');
  var card = document.querySelector('.share-preview');
  if (!meta || !card) {
    return;
  }
  var cardTitle = card.querySelector('.share-card-title');
  var cardDescription = card.querySelector('.share-card-description');
  var cardImage = card.querySelector('.share-card-image');
  var noTitle = cardTitle.textContent;
  var library = /^\/media\/([0-9a-f]{32})\/(large|card|thumb)$/;

  var value = function (name) {
    var field = byName(name);
    return field ? field.value.trim() : '';
  };

  var checked = function (name) {
    var radio = form.querySelector('input[name="' + name + '"]:checked');
    return radio ? radio : null;
  };

  var cardSized = function (url) {
    var match = library.exec(url || '');
    return match ? '/media/' + match[1] + '/card' : url;
  };

  // The body's first paragraph, as the server derives an empty excerpt (article.Excerpts.lead).
  var lead = function () {
    var words = value('bodyMarkdown').split(/\n\s*\n/)[0]
      .replace(/[#>*_`\[\]]|\(https?:\/\/[^)]*\)/g, '').replace(/\s+/g, ' ').trim();
    if (words.length > 280) {
      var cut = words.lastIndexOf(' ', 279);
      words = words.slice(0, cut > 0 ? cut : 279) + '…';
    }
    return words;
  };

  var heroImage = function () {
    var picked = checked('heroMediaId');
    if (picked && picked.value) {
      return picked.parentNode.querySelector('img').getAttribute('src').replace(/\/thumb$/, '/card');
    }
    return cardSized(value('heroImageUrl'));
  };

  var socialImage = function () {
    var picked = checked('socialMediaId');
    if (picked && picked.value === 'hero') {
      return heroImage();
    }
    if (picked && picked.value) {
      return picked.getAttribute('data-card');
    }
    return cardSized(card.getAttribute('data-social')) || heroImage();
  };

  var update = function () {
    if (counter) {
      counter.textContent = (counter.getAttribute('data-counter') || '{0}').replace('{0}', meta.value.length);
    }
    cardTitle.textContent = value('title') || noTitle;
    cardDescription.textContent = value('metaDescription') || value('excerpt') || lead() || value('dek');
    var src = socialImage();
    var img = cardImage.querySelector('img');
    if (!src) {
      if (img) {
        cardImage.removeChild(img);
      }
      return;
    }
    if (!img) {
      img = document.createElement('img');
      img.alt = '';
      img.width = 640;
      img.height = 336;
      cardImage.appendChild(img);
    }
    if (img.getAttribute('src') !== src) {
      img.src = src;
    }
  };

  form.addEventListener('input', update);
  form.addEventListener('change', update);
}());
