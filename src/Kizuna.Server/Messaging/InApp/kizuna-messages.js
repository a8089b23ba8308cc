/*
 * Kizuna in-app messages and content cards for a web page. No dependencies, no build step.
 *
 *   <script src="https://kizuna.example.com/sdk/kizuna-messages.js"
 *           data-write-key="kzw_…" data-user-id="user-42" data-user-hash="…hex HMAC-SHA256 of the user id…"
 *           data-feed="#cards"></script>
 *
 * or, after loading the script without data attributes: KizunaMessages.init({ writeKey, userId, userHash, feed }).
 * The user hash is computed by your server with the workspace's identity-verification secret; never put the secret
 * in a page. In-app messages show one at a time (modal, slide-up or full screen); cards are listed in the feed
 * element, pinned first. Impressions, clicks and dismissals are recorded; new items arrive live over server-sent events
 * (KizunaMessages.client.connected is true while the stream is open; a 'kizuna:connected' event fires on the document).
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var defaultBase = script && script.src ? new URL(script.src, document.baseURI).origin : '';

  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  var css =
    '.kz-overlay{position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;z-index:2147483000}' +
    '.kz-msg{font:15px/1.5 system-ui,sans-serif;color:#1f2328;background:#fff;box-shadow:0 8px 32px rgba(0,0,0,.25);position:relative;box-sizing:border-box}' +
    '.kz-modal{width:min(420px,92vw);border-radius:12px;padding:24px}' +
    '.kz-slide_up{position:fixed;left:50%;bottom:16px;transform:translateX(-50%);width:min(520px,94vw);border-radius:12px;padding:16px 20px;z-index:2147483000;animation:kz-up .25s ease-out}' +
    '.kz-full_screen{position:fixed;inset:0;padding:48px 24px;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;z-index:2147483000}' +
    '@keyframes kz-up{from{transform:translate(-50%,120%)}to{transform:translate(-50%,0)}}' +
    '.kz-msg h2{margin:0 0 8px;font-size:20px}.kz-msg p{margin:0 0 16px;white-space:pre-line}.kz-msg img{max-width:100%;border-radius:8px;margin-bottom:12px}' +
    '.kz-buttons{display:flex;gap:8px;justify-content:flex-end;flex-wrap:wrap}.kz-full_screen .kz-buttons{justify-content:center}' +
    '.kz-buttons button{font:inherit;border:0;border-radius:8px;padding:8px 16px;cursor:pointer;background:#e8eaed;color:#1f2328}' +
    '.kz-buttons button:first-child{background:#c2185b;color:#fff}' +
    '.kz-close{position:absolute;top:8px;right:10px;border:0;background:none;font-size:22px;line-height:1;cursor:pointer;color:#555}' +
    '.kz-card{font:14px/1.5 system-ui,sans-serif;border:1px solid #d0d7de;border-radius:10px;padding:14px 36px 14px 14px;margin:0 0 10px;position:relative;background:#fff}' +
    '.kz-card h3{margin:0 0 4px;font-size:16px}.kz-card p{margin:0;white-space:pre-line}.kz-card img{max-width:100%;border-radius:6px;margin-bottom:8px}' +
    '.kz-card.kz-unread{border-left:4px solid #c2185b}.kz-pin{font-size:11px;font-weight:600;color:#c2185b;border:1px solid #c2185b;border-radius:4px;padding:0 4px;margin-left:8px;vertical-align:middle}.kz-card a.kz-link{display:inline-block;margin-top:6px}' +
    '.kz-empty{color:#57606a;font:14px system-ui,sans-serif}';

  function Client(options) {
    this.base = (options.baseUrl || defaultBase).replace(/\/$/, '');
    this.writeKey = options.writeKey;
    this.userId = options.userId;
    this.userHash = options.userHash;
    this.feed = typeof options.feed === 'string' ? document.querySelector(options.feed) : options.feed || null;
    this.queue = [];
    this.known = {};
    this.cards = [];
    this.showing = null;
  }

  Client.prototype.request = function (method, path) {
    return fetch(this.base + '/client/v1' + path, {
      method: method,
      headers: { 'X-Kizuna-Write-Key': this.writeKey, 'X-Kizuna-User-Id': this.userId, 'X-Kizuna-User-Hash': this.userHash },
      keepalive: method === 'POST'
    }).then(function (response) {
      if (!response.ok) throw new Error('Kizuna answered ' + response.status + ' to ' + method + ' ' + path);
      return response.json();
    });
  };

  Client.prototype.record = function (id, action, button) {
    var query = button === undefined ? '' : '?button=' + button;
    return this.request('POST', '/items/' + encodeURIComponent(id) + '/' + action + query).catch(function (e) { console.warn(e.message); });
  };

  Client.prototype.start = function () {
    var self = this;
    if (!document.getElementById('kz-style')) {
      var style = el('style');
      style.id = 'kz-style';
      style.textContent = css;
      document.head.appendChild(style);
    }
    this.request('GET', '/in-app').then(function (items) { items.forEach(function (m) { self.addMessage(m); }); }).catch(function (e) { console.warn(e.message); });
    this.request('GET', '/cards').then(function (items) { items.forEach(function (c) { self.addCard(c, false); }); self.renderFeed(); }).catch(function (e) { console.warn(e.message); });
    if (window.EventSource) {
      var query = '?writeKey=' + encodeURIComponent(this.writeKey) + '&userId=' + encodeURIComponent(this.userId) + '&userHash=' + encodeURIComponent(this.userHash);
      this.stream = new EventSource(this.base + '/client/v1/stream' + query);
      this.stream.addEventListener('open', function () {
        self.connected = true;
        document.dispatchEvent(new CustomEvent('kizuna:connected'));
      });
      this.stream.addEventListener('error', function () { self.connected = false; });
      this.stream.addEventListener('in_app', function (e) { self.addMessage(JSON.parse(e.data)); });
      this.stream.addEventListener('content_card', function (e) { self.addCard(JSON.parse(e.data), true); self.renderFeed(); });
    }
    return this;
  };

  Client.prototype.addMessage = function (message) {
    if (this.known[message.id]) return;
    this.known[message.id] = true;
    this.queue.push(message);
    if (!this.showing) this.next();
  };

  Client.prototype.next = function () {
    var message = this.queue.shift();
    this.showing = message || null;
    if (message) this.show(message);
  };

  Client.prototype.show = function (message) {
    var self = this;
    var layout = message.layout === 'slide_up' || message.layout === 'full_screen' ? message.layout : 'modal';
    var box = el('div', 'kz-msg kz-' + layout);
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', layout === 'slide_up' ? 'false' : 'true');
    box.dataset.kizunaMessage = message.id;
    var root = box;
    if (layout === 'modal') {
      root = el('div', 'kz-overlay');
      root.appendChild(box);
    }

    function close() {
      root.remove();
      self.next();
    }

    var x = el('button', 'kz-close', '\u00d7');
    x.setAttribute('aria-label', 'Close');
    x.addEventListener('click', function () { self.record(message.id, 'dismiss'); close(); });
    box.appendChild(x);
    if (message.header) {
      var h = el('h2', null, message.header);
      box.setAttribute('aria-label', message.header);
      box.appendChild(h);
    }
    if (safeUrl(message.imageUrl)) {
      var img = el('img');
      img.src = message.imageUrl;
      img.alt = '';
      box.appendChild(img);
    }
    box.appendChild(el('p', null, message.body));
    var buttons = el('div', 'kz-buttons');
    (message.buttons || []).forEach(function (b, i) {
      var button = el('button', null, b.label);
      button.addEventListener('click', function () {
        var recorded = self.record(message.id, 'click', i);
        close();
        var url = b.action === 'url' ? safeUrl(b.url) : null;
        if (url) recorded.then(function () { window.location.assign(url); });
      });
      buttons.appendChild(button);
    });
    box.appendChild(buttons);
    document.body.appendChild(root);
    this.record(message.id, 'impression');
  };

  Client.prototype.addCard = function (card, live) {
    if (this.known[card.id]) return;
    this.known[card.id] = true;
    card.live = live;
    this.cards.push(card);
  };

  Client.prototype.renderFeed = function () {
    var self = this;
    if (!this.feed) return;
    this.cards.sort(function (a, b) {
      return (b.pinned ? 1 : 0) - (a.pinned ? 1 : 0) || (a.deliveredAt < b.deliveredAt ? 1 : a.deliveredAt > b.deliveredAt ? -1 : 0);
    });
    this.feed.textContent = '';
    if (this.cards.length === 0) {
      this.feed.appendChild(el('p', 'kz-empty', 'No messages right now.'));
      return;
    }
    this.cards.forEach(function (card) {
      var node = el('article', 'kz-card' + (card.seen ? '' : ' kz-unread'));
      node.dataset.kizunaCard = card.id;
      if (safeUrl(card.imageUrl)) {
        var img = el('img');
        img.src = card.imageUrl;
        img.alt = '';
        node.appendChild(img);
      }
      var title = el('h3', null, card.title);
      if (card.pinned) title.appendChild(el('span', 'kz-pin', 'Pinned'));
      node.appendChild(title);
      node.appendChild(el('p', null, card.text));
      var link = safeUrl(card.link);
      if (link) {
        var a = el('a', 'kz-link', 'Open');
        a.href = link;
        a.addEventListener('click', function (e) {
          e.preventDefault();
          self.record(card.id, 'click').then(function () { window.location.assign(link); });
        });
        node.appendChild(a);
      }
      var x = el('button', 'kz-close', '\u00d7');
      x.setAttribute('aria-label', 'Dismiss');
      x.addEventListener('click', function () {
        self.record(card.id, 'dismiss');
        self.cards = self.cards.filter(function (c) { return c !== card; });
        self.renderFeed();
      });
      node.appendChild(x);
      self.feed.appendChild(node);
      if (!card.seen) {
        card.seen = true;
        self.record(card.id, 'impression');
      }
    });
  };

  var api = {
    init: function (options) { return new Client(options).start(); }
  };
  window.KizunaMessages = api;

  if (script && script.dataset.writeKey && script.dataset.userId && script.dataset.userHash) {
    var options = { writeKey: script.dataset.writeKey, userId: script.dataset.userId, userHash: script.dataset.userHash, feed: script.dataset.feed, baseUrl: script.dataset.baseUrl };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { api.client = api.init(options); });
    } else {
      api.client = api.init(options);
    }
  }
})();
