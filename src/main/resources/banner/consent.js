/*
 * Steward's cookie banner. Include on any page of the company's sites:
 *   <script src="(the privacy center's address)/consent.js" defer></script>
 * It loads nothing but its own configuration from the origin it came from, keeps the browser's
 * consent id in a first-party cookie of the including site, asks again when the notice revision
 * changes, turns sale and sharing categories off under Global Privacy Control, and tells the page:
 *   window.Steward.consent  -> {revision, choices: {analytics: true, ...}, gpc: [...], at, consentId}
 *   document 'steward:consent' CustomEvent (bubbles to window) with the same detail
 *   window.Steward.open()   -> shows the choices again; so does any [data-steward-consent-open]
 */
(function () {
  'use strict';
  var me = document.currentScript;
  var S = (window.Steward = window.Steward || {});
  if (!me || S.open) return;
  var base = new URL(me.src, location.href).origin;
  var NAME = 'steward-consent-id';
  var ID = /^[A-Za-z0-9_-]{16,128}$/;
  var gpc = navigator.globalPrivacyControl === true;
  var lang = me.getAttribute('data-lang') || document.documentElement.lang || navigator.language || 'en';
  var config = null;
  var box = null;
  var before = null;
  S.consent = null;

  function cookieId() {
    var m = document.cookie.match(/(?:^|;\s*)steward-consent-id=([^;]*)/);
    return m && ID.test(m[1]) ? m[1] : null;
  }

  function freshId() {
    var bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  var given = me.getAttribute('data-device');
  var device = given && ID.test(given) ? given : cookieId() || freshId();
  if (!given) {
    // First-party, 13 months (the CNIL's and ICO's usual ceiling for a consent cookie).
    document.cookie = NAME + '=' + device + '; Path=/; Max-Age=34128000; SameSite=Lax' +
      (location.protocol === 'https:' ? '; Secure' : '');
  }

  function el(tag, attrs, text, style) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    if (style) for (var p in style) e.style[p] = style[p];
    return e;
  }

  function publish(choice) {
    var detail = {
      revision: choice.revision,
      choices: choice.choices,
      gpc: choice.gpc,
      at: choice.at,
      consentId: device
    };
    S.consent = detail;
    document.dispatchEvent(new CustomEvent('steward:consent', { detail: detail, bubbles: true }));
  }

  function load() {
    return fetch(base + '/api/v1/banner?device=' + encodeURIComponent(device) +
        '&lang=' + encodeURIComponent(lang), { credentials: 'omit' })
      .then(function (r) {
        if (!r.ok) throw new Error('Steward banner: ' + r.status);
        return r.json();
      })
      .then(function (c) {
        config = c;
        gpc = gpc || c.gpc === true;
        if (c.choice) publish(c.choice);
        else show();
      });
  }

  function close() {
    if (!box) return;
    box.remove();
    box = null;
    if (before && before.focus && document.contains(before)) before.focus();
  }

  function show() {
    if (!config) return;
    close();
    var t = config.texts;
    var chosen = (S.consent && S.consent.choices) || {};
    before = document.activeElement;
    box = el('div', {
      id: 'steward-consent',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'steward-consent-title',
      'aria-describedby': 'steward-consent-intro',
      lang: config.lang
    }, null, {
      position: 'fixed', left: '0', right: '0', bottom: '0', zIndex: '2147483647',
      maxHeight: '85vh', overflowY: 'auto', boxSizing: 'border-box', padding: '1rem 1.25rem',
      background: '#fff', color: '#111', borderTop: '3px solid #1d4ed8',
      font: '16px/1.5 system-ui, sans-serif', boxShadow: '0 -4px 16px rgba(0,0,0,.2)'
    });
    var title = el('h2', { id: 'steward-consent-title', tabindex: '-1' }, t.title,
      { fontSize: '1.25rem', margin: '0 0 .5rem' });
    box.appendChild(title);
    box.appendChild(el('p', { id: 'steward-consent-intro' }, t.intro, { margin: '0 0 .75rem' }));
    var list = el('div', { role: 'group', 'aria-label': t.title });
    config.categories.forEach(function (c) {
      var id = 'steward-consent-' + c.id;
      var row = el('div', null, null, { margin: '0 0 .75rem' });
      var off = gpc && c.saleOrSharing;
      var box2 = el('input', {
        type: 'checkbox', id: id, 'data-category': c.id, 'aria-describedby': id + '-hint'
      }, null, { width: '1.25rem', height: '1.25rem', marginRight: '.5rem', verticalAlign: 'middle' });
      box2.checked = c.locked || (!off && chosen[c.id] === true);
      box2.disabled = c.locked || off;
      row.appendChild(box2);
      row.appendChild(el('label', { for: id }, c.name, { fontWeight: '600' }));
      var hint = c.description + (c.locked ? ' ' + t.alwaysOn + '.' : '') + (off ? ' ' + t.gpcOff : '');
      if (c.trackers && c.trackers.length) hint += ' ' + t.trackers.replace('{0}', c.trackers.join(', '));
      row.appendChild(el('p', { id: id + '-hint' }, hint, { margin: '.25rem 0 0 1.75rem', fontSize: '.9rem' }));
      list.appendChild(row);
    });
    box.appendChild(list);
    var status = el('p', { role: 'alert' }, null, { color: '#b91c1c', margin: '0 0 .5rem' });
    box.appendChild(status);
    var bar = el('div', null, null, { display: 'flex', flexWrap: 'wrap', gap: '.5rem', alignItems: 'center' });
    function button(label, act) {
      var b = el('button', { type: 'button' }, label, {
        font: 'inherit', padding: '.5rem 1rem', border: '2px solid #1d4ed8', borderRadius: '4px',
        background: '#1d4ed8', color: '#fff', cursor: 'pointer'
      });
      b.addEventListener('click', act);
      bar.appendChild(b);
      return b;
    }
    function choose(mode) {
      var choices = {};
      config.categories.forEach(function (c) {
        if (c.locked) return;
        var on = mode === 'all' ? true : mode === 'none' ? false :
          box.querySelector('[data-category="' + c.id + '"]').checked;
        choices[c.id] = on && !(gpc && c.saleOrSharing);
      });
      fetch(base + '/api/v1/banner/choices', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ device: device, revision: config.revision, choices: choices, gpc: gpc })
      }).then(function (r) {
        if (r.status === 409) return load();
        if (!r.ok) throw new Error('Steward banner: ' + r.status);
        return r.json().then(function (choice) {
          close();
          publish(choice);
          // The privacy center's cookie settings page shows the choice it renders: show it anew.
          if (me.hasAttribute('data-reload')) location.reload();
        });
      }).catch(function () {
        status.textContent = t.failed;
      });
    }
    button(t.rejectAll, function () { choose('none'); });
    button(t.acceptAll, function () { choose('all'); });
    button(t.save, function () { choose('save'); });
    if (S.consent) button(t.close, close);
    var more = el('a', { href: base + config.settings + '?lang=' + encodeURIComponent(config.lang) },
      t.settings, { color: '#1d4ed8', marginLeft: '.5rem' });
    bar.appendChild(more);
    box.appendChild(bar);
    box.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && S.consent) {
        e.preventDefault();
        close();
        return;
      }
      if (e.key !== 'Tab') return;
      // Keep focus in the dialog while it is open (WAI-ARIA modal dialog pattern).
      var f = Array.prototype.filter.call(box.querySelectorAll('input,button,a[href]'), function (x) {
        return !x.disabled;
      });
      var first = f[0];
      var last = f[f.length - 1];
      if (e.shiftKey && (document.activeElement === first || document.activeElement === title)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    });
    document.body.appendChild(box);
    title.focus();
  }

  S.open = show;
  function wire() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-steward-consent-open]'), function (b) {
      b.hidden = false;
      b.addEventListener('click', show);
    });
    load().catch(function (e) {
      if (window.console) console.warn(e.message);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();
