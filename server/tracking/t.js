/* global window, document */
/* eslint no-empty: ["error", { "allowEmptyCatch": true }], @typescript-eslint/no-unused-vars: ["error", { "caughtErrors": "none" }] -- ES2017 has no optional catch binding; storage that throws is simply not used */
// Leadside website snippet, served as /t.js?k=SITE_KEY with the site's settings filled in below (the last line).
// Plain ES2017 and no dependencies, so it runs on any site that still supports recent browsers and adds little weight.
// It keeps an anonymous first-party visitor id, reports page views, downloads and forms with an email, and sends
// them in batches. It does nothing at all under Global Privacy Control, and nothing before consent under `consent`.
(function (w, d, cfg) {
  'use strict';
  var nav = w.navigator;
  var loc = w.location;
  var hist = w.history;

  // A tracked link to this site carries ?ls_id=<signed token> naming the person who clicked. It is a credential, not
  // part of the page: take it out of the address bar first, so it is never bookmarked or shared, whatever happens next.
  var token = '';
  try {
    var start = new URL(loc.href);
    token = start.searchParams.get('ls_id') || '';
    if (token) {
      start.searchParams.delete('ls_id');
      hist.replaceState(hist.state, '', start.toString());
    }
  } catch (e) {}

  // Global Privacy Control: the visitor asked not to be tracked. No id, no storage, no request.
  if (!cfg || nav.globalPrivacyControl === true || w.__leadside || !/^https?:$/.test(loc.protocol)) return;
  w.__leadside = 1;

  var VID = 'ls_vid';
  var CONSENT = 'ls_consent';
  var PROOF = 'ls_proof';
  // The same rules the server applies: an event it would refuse would cost the whole batch.
  var EMAIL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
  var ID = /^[\w-]{1,64}$/;
  var SLUG = /^[a-z][a-z0-9_]{0,39}$/;
  var FILE = /\.(pdf|docx?|xlsx?|pptx?|csv|txt|rtf|od[tsp]|epub|zip|rar|7z|gz|key|numbers|pages|mp3|mp4|mov|dmg|exe|msi)$/i;
  var queue = [];
  var timer = 0;
  var on = false;
  var vid = '';
  var last = '';
  var proof = '';

  // 128 random bits as hex: the visitor id and every event id (crypto.randomUUID needs a secure context).
  function rnd() {
    var a = w.crypto.getRandomValues(new Uint8Array(16));
    var s = '';
    for (var i = 0; i < 16; i++) s += (a[i] + 256).toString(16).slice(1);
    return s;
  }

  // localStorage first; a first-party cookie where storage is blocked (some privacy modes and embeds).
  function get(k) {
    try {
      var v = w.localStorage.getItem(k);
      if (v) return v;
    } catch (e) {}
    var m = d.cookie.match(new RegExp('(?:^|; )' + k + '=([^;]*)'));
    return m ? m[1] : '';
  }
  function put(k, v) {
    try {
      w.localStorage.setItem(k, v);
      return;
    } catch (e) {}
    d.cookie = k + '=' + v + ';path=/;max-age=31536000;samesite=lax' + (loc.protocol == 'https:' ? ';secure' : '');
  }
  function drop(k) {
    try {
      w.localStorage.removeItem(k);
    } catch (e) {}
    d.cookie = k + '=;path=/;max-age=0';
  }

  // The page without its fragment, within the server's 2048 characters (a huge query string is cut off).
  function here() {
    return cap(loc.href.split('#')[0]);
  }
  function cap(u) {
    return u.length > 2048 ? u.split('?')[0].slice(0, 2048) : u;
  }

  function send(batch) {
    var body = JSON.stringify(batch);
    // sendBeacon outlives the page; a string goes as text/plain, which needs no CORS preflight.
    if (nav.sendBeacon && nav.sendBeacon(cfg.e, body)) return;
    // A beacon can be refused (over its quota): fetch with keepalive outlives the page too.
    if (w.fetch) w.fetch(cfg.e, { method: 'POST', body: body, keepalive: true, credentials: 'omit' }).catch(function () {});
  }

  function flush() {
    clearTimeout(timer);
    timer = 0;
    // 50 events a beacon stays far below the server's 100 events and 64 KB.
    while (on && queue.length) {
      var batch = { siteKey: cfg.k, visitorId: vid, sentAt: new Date().toISOString(), events: queue.splice(0, 50) };
      for (var i = 0; i < batch.events.length; i++) if (batch.events[i].email && proof) batch.proof = proof;
      if (cfg.m == 'consent') batch.consent = true;
      send(batch);
    }
  }

  // Naming the visitor by email (a form) needs proof the batch comes from this site. The browser's Origin says so, but
  // a beacon can leave without one (some privacy tools strip it), so we also hold the server's signed proof for this
  // visitor id: good for 12 hours, asked again after 11 by our own clock (whatever the visitor's clock says).
  function prove() {
    var kept = get(PROOF).split('~');
    var age = Date.now() - kept[1];
    if (kept[0] == vid && age >= 0 && age < 396e5) {
      proof = kept[2];
      return;
    }
    if (!w.fetch) return;
    w.fetch(cfg.e + '/proof?k=' + encodeURIComponent(cfg.k) + '&v=' + vid, { credentials: 'omit' })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (j) {
        if (!j || !on) return;
        proof = j.proof;
        put(PROOF, vid + '~' + Date.now() + '~' + proof);
      })
      .catch(function () {});
  }

  function track(type, url, extra) {
    if (!on) return;
    var e = { id: rnd(), type: type, url: url, at: new Date().toISOString() };
    for (var k in extra) if (extra[k]) e[k] = extra[k];
    queue.push(e);
    // A few seconds of batching: "active now" stays live without a request per click.
    if (!timer) timer = setTimeout(flush, 2000);
  }

  function page() {
    var u = here();
    if (u == last) return;
    last = u;
    track('page_view', u, { title: d.title.slice(0, 300) });
  }

  function begin() {
    if (on) return;
    on = true;
    vid = get(VID);
    if (!/^[\w-]{8,64}$/.test(vid)) vid = rnd();
    put(VID, vid);
    prove();
    if (/^[\w-]{10,2000}\.[\w-]{10,100}$/.test(token)) {
      track('identify', here(), { token: token });
      token = '';
    }
    page();
  }

  // Single-page apps change the route with the History API: a route change is a page view. Wrapped after the
  // ls_id clean-up above, so that one does not count; deferred so the app can set the new title first.
  ['pushState', 'replaceState'].forEach(function (name) {
    var original = hist[name];
    hist[name] = function () {
      var result = original.apply(this, arguments);
      setTimeout(page, 0);
      return result;
    };
  });
  w.addEventListener('popstate', page);

  // Downloads: links to files, or anything marked data-leadside-content="<library item id>".
  d.addEventListener(
    'click',
    function (ev) {
      var t = ev.target;
      if (!t || !t.closest) return;
      var marked = t.closest('[data-leadside-content]');
      var a = t.closest('a[href]');
      var href = a && typeof a.href == 'string' && /^https?:/.test(a.href) ? a.href : '';
      var id = marked ? marked.getAttribute('data-leadside-content') : '';
      if (!marked && !(href && FILE.test(new URL(href).pathname))) return;
      track('content_download', href ? cap(href) : here(), {
        contentId: ID.test(id) ? id : '',
        title: ((marked || a).textContent || '').trim().slice(0, 300),
      });
      // The click may be leaving the page.
      flush();
    },
    true,
  );

  // Forms: a submit with an email address says who the visitor is. Never a sign-in form (one with a password).
  d.addEventListener(
    'submit',
    function (ev) {
      var f = ev.target;
      if (!f || !f.elements || f.hasAttribute('data-leadside-ignore')) return;
      var email = '';
      for (var i = 0; i < f.elements.length; i++) {
        var el = f.elements[i];
        if (el.type == 'password') return;
        var v = (el.value || '').trim().toLowerCase();
        if (!email && (el.type == 'email' || /e-?mail/i.test(el.name || '')) && v.length <= 254 && EMAIL.test(v)) email = v;
      }
      var kind = f.getAttribute('data-leadside-lead-type') || '';
      track('form_submit', here(), { email: email, leadType: SLUG.test(kind) ? kind : '', title: d.title.slice(0, 300) });
      flush();
    },
    true,
  );

  // Leaving or hiding the page is the last sure moment to send.
  w.addEventListener('pagehide', flush);
  d.addEventListener('visibilitychange', function () {
    if (d.visibilityState == 'hidden') flush();
  });

  // The site's consent banner calls leadside.consent() (or sets window.leadsideConsent = true before this loads);
  // leadside.consent(false) forgets the visitor id and stops. Only needed under the `consent` mode.
  w.leadside = {
    consent: function (yes) {
      if (yes === false) {
        on = false;
        queue = [];
        drop(VID);
        drop(CONSENT);
        drop(PROOF);
        proof = '';
        return;
      }
      put(CONSENT, '1');
      begin();
    },
  };
  if (cfg.m != 'consent' || w.leadsideConsent === true || get(CONSENT) == '1') begin();
})(window, document, /*CONFIG*/ null);
