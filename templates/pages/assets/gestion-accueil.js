/* The welcome desk's camera: reads badges' QR codes (BarcodeDetector where the browser has it, else
 * jsQR served by the app), posts each code to /accueil/scan and fills the screen with the answer.
 * Without a camera or JavaScript the page's search form does the same work. */
(function () {
  'use strict';
  var section = document.getElementById('camera');
  if (!section || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var eventId = section.getAttribute('data-event');
  var csrf = section.getAttribute('data-csrf');
  var button = document.getElementById('camera-bouton');
  var video = document.getElementById('camera-video');
  var canvas = document.getElementById('camera-image');
  var state = document.getElementById('camera-etat');
  var answer = document.getElementById('reponse');
  var arrivals = document.getElementById('arrivees');
  var again = null;
  var detector = null;
  var busy = false;
  var lastCode = null;
  section.hidden = false;

  function say(text) { state.textContent = text; }

  function show(result, timing) {
    var a = result.answer;
    answer.className = 'rencontres-answer rencontres-answer--' + a.tone;
    ['headline', 'name', 'organisation', 'detail'].forEach(function (key) {
      answer.querySelector('[data-answer="' + key + '"]').textContent = a[key] || '';
    });
    answer.setAttribute('data-scan-ms', String(Math.round(timing.total)));
    answer.setAttribute('data-decode-ms', String(Math.round(timing.decode)));
    answer.hidden = false;
    var c = result.arrivals;
    arrivals.textContent = c.checkedIn + ' arrivée' + (c.checkedIn > 1 ? 's' : '') + ' sur ' + c.expected + ' attendue' + (c.expected > 1 ? 's' : '');
    if (!again) {
      again = document.createElement('button');
      again.type = 'button';
      again.className = 'fr-btn fr-btn--secondary fr-mt-2w';
      again.textContent = 'Scanner à nouveau ce badge';
      again.addEventListener('click', function () { lastCode = null; say('Présentez le badge suivant.'); });
      section.insertBefore(again, video);
    }
    answer.focus();
  }

  function post(code, seenAt, decodeMs) {
    busy = true;
    var body = new URLSearchParams();
    body.set('_csrf', csrf);
    body.set('code', code);
    fetch('/gestion/evenements/' + eventId + '/accueil/scan', { method: 'POST', body: body, credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (result) { show(result, { total: performance.now() - seenAt + decodeMs, decode: decodeMs }); say('Badge lu. Présentez le badge suivant.'); })
      .catch(function () { say('La lecture n’a pas pu être envoyée : réessayez ou utilisez la recherche.'); lastCode = null; })
      .then(function () { busy = false; });
  }

  function decode() {
    if (detector) {
      return detector.detect(video).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
    }
    if (!video.videoWidth || !video.videoHeight) return Promise.resolve(null);
    // A badge held up to the phone fills much of the frame: 400 pixels across read it, in a
    // fraction of the time a full camera frame takes.
    var scale = Math.min(1, 400 / video.videoWidth);
    var width = Math.round(video.videoWidth * scale), height = Math.round(video.videoHeight * scale);
    canvas.width = width;
    canvas.height = height;
    var context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(video, 0, 0, width, height);
    var found = window.jsQR(context.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'dontInvert' });
    return Promise.resolve(found ? found.data : null);
  }

  function tick() {
    if (busy || video.readyState < 2) return setTimeout(tick, 80);
    var started = performance.now();
    decode().then(function (code) {
      var now = performance.now();
      // The same badge held in front of the camera is read once; "Scanner à nouveau" reads it again.
      if (code && code !== lastCode) {
        lastCode = code;
        post(code, now, now - started);
      }
    }).catch(function () { /* one unreadable frame: the next one will do */ }).then(function () { setTimeout(tick, 60); });
  }

  /* The first decodes run jsQR's code cold (several times slower): spend that on a blank frame
   * while the desk holds up the first badge, not on the first person in the queue. */
  function warmUp() {
    var blank = new Uint8ClampedArray(320 * 240 * 4);
    for (var i = 0; i < 3; i++) window.jsQR(blank, 320, 240, { inversionAttempts: 'dontInvert' });
  }

  function chooseDetector() {
    if (!('BarcodeDetector' in window)) return Promise.resolve(null);
    return window.BarcodeDetector.getSupportedFormats()
      .then(function (formats) { return formats.indexOf('qr_code') >= 0 ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null; })
      .catch(function () { return null; });
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    say('Ouverture de la caméra…');
    Promise.all([navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }), chooseDetector()])
      .then(function (results) {
        detector = results[1];
        if (!detector && !window.jsQR) throw new Error('no QR decoder');
        video.srcObject = results[0];
        return video.play();
      })
      .then(function () {
        if (!detector) warmUp();
        section.setAttribute('data-decoder', detector ? 'BarcodeDetector' : 'jsQR');
        say('Caméra active : présentez le code QR du badge.');
        tick();
      })
      .catch(function () {
        button.disabled = false;
        say('La caméra n’est pas disponible : utilisez la recherche ci-dessous.');
      });
  });
})();
