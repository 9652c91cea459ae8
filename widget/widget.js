/* councilbot resident widget (docs/widget.md). One script tag on a council's
 * page adds a chat launcher and panel in a shadow root, talking to the server
 * this script came from over /ws/chat (docs/protocol.md).
 * Plain JavaScript, no build step, no third-party requests.
 * Rules kept throughout: every word shown comes from the server's locales
 * (GET /widget/strings); whatever the server sends is inserted as text
 * (textContent), never as HTML; links only for http(s) URLs. */
(function () {
  'use strict';
  if (window.councilbotWidget) return; // the tag was added twice
  const script = document.currentScript || document.querySelector('script[src*="/widget.js"]');
  if (!script) return;
  const server = new URL(script.src, location.href);
  const ORIGIN = server.origin;
  const SOCKET = ORIGIN.replace(/^http/, 'ws') + '/ws/chat';
  const data = script.dataset;
  const council = (data.council || 'council').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'council';
  const KEY = 'councilbot:' + council;
  const side = data.position === 'left' ? 'left' : 'right';
  const accent = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(data.colour || data.color || '') ? (data.colour || data.color) : '#1d5c8d';
  const pageLang = data.lang || document.documentElement.lang || '';
  // What the page is about, for staff who take the chat: the embed's
  // data-page, or the page's title.
  const pageAbout = (data.page || document.title || '').slice(0, 200);
  const DELAYS = [1000, 2000, 4000, 8000, 15000, 30000];
  const OFFLINE_AFTER = 2; // failed attempts in a row before the offline notice

  // ---- Storage: the conversation survives reloads within the tab ----------

  function load(key, fallback) {
    try {
      const value = JSON.parse(sessionStorage.getItem(key));
      return value === null ? fallback : value;
    } catch (e) {
      return fallback;
    }
  }
  function save(key, value) {
    try {
      sessionStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* private mode or full: the widget works without */ }
  }
  const saved = load(KEY, {});

  const state = {
    token: typeof saved.token === 'string' ? saved.token : null,
    pending: Array.isArray(saved.pending) ? saved.pending : [], // [{id, text, payload}]
    open: saved.open === true,
    lang: typeof saved.lang === 'string' ? saved.lang : pageLang,
    strings: {}, // lang -> strings answer
    current: null, // the strings answer in use
    socket: null,
    status: 'idle', // idle | connecting | open | reconnecting | offline | stopped | ended
    welcomed: false,
    replaying: false,
    replayUntil: 0,
    lastSeq: 0,
    failures: 0,
    timer: 0,
    languages: [],
    pinned: false,
    wantLang: undefined, // a language choice made while not connected
    handoff: false,
    flushed: false, // pending messages sent again since the welcome
    counter: 0,
  };
  function persist() {
    save(KEY, { token: state.token, pending: state.pending, open: state.open, lang: state.lang });
  }

  // ---- Strings ------------------------------------------------------------

  function t(id) {
    const entry = state.current && state.current.strings[id];
    return entry && typeof entry.text === 'string' ? entry : { text: '', lang: '', dir: '' };
  }
  /** A string with `{name}` placeholders filled in (as text). */
  function fill(id, values) {
    let text = t(id).text;
    for (const [name, value] of Object.entries(values)) text = text.split('{' + name + '}').join(String(value));
    return text;
  }
  const dirOf = (dir) => (dir === 'rtl' || dir === 'ltr' ? dir : 'auto');

  async function fetchStrings(lang) {
    const cacheKey = KEY + ':strings:' + (lang || '-');
    try {
      const answer = await fetch(ORIGIN + '/widget/strings' + (lang ? '?lang=' + encodeURIComponent(lang) : ''), {
        credentials: 'omit',
        cache: 'no-cache',
      });
      if (!answer.ok) throw new Error('status ' + answer.status);
      const strings = await answer.json();
      if (!strings || typeof strings.strings !== 'object') throw new Error('no strings');
      save(cacheKey, strings);
      return strings;
    } catch (e) {
      return load(cacheKey, null);
    }
  }

  async function useLanguage(lang) {
    state.wanted = lang; // the latest request wins, whichever answer comes first
    let strings = state.strings[lang];
    if (!strings) {
      strings = await fetchStrings(lang);
      if (!strings) return false;
      state.strings[lang] = strings;
      state.strings[strings.lang] = strings;
      if (state.wanted !== lang) return true;
    }
    state.current = strings;
    state.lang = strings.lang;
    persist();
    if (!ui) build();
    label();
    return true;
  }

  // ---- Elements -----------------------------------------------------------

  /** Builds an element; string children become text nodes. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  /** Black or white, whichever reads better on the council's colour (WCAG AA). */
  function textOn(hex) {
    let h = hex.slice(1);
    if (h.length === 3) h = h.replace(/./g, (c) => c + c);
    const lin = (i) => {
      const c = parseInt(h.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    const l = 0.2126 * lin(0) + 0.7152 * lin(2) + 0.0722 * lin(4);
    return (1.05) / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#0b0c0c';
  }

  const CSS = `
:host { all: initial; }
.cb { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0b0c0c; }
.cb *, .cb *::before, .cb *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.vh { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, select, textarea { font: inherit; color: inherit; }
button { min-height: 44px; min-width: 44px; padding: 8px 14px; border-radius: 6px; cursor: pointer; border: 2px solid #0b0c0c; background: #ffffff; color: #0b0c0c; }
button:hover { background: #f3f2f1; }
:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
.launcher { position: fixed; bottom: 16px; z-index: 2147483000; display: flex; align-items: center; gap: 8px; background: var(--cb-accent); color: var(--cb-on-accent); border-color: var(--cb-on-accent); border-radius: 24px; font-weight: 600; box-shadow: 0 2px 6px rgba(0,0,0,.3); }
.launcher:hover { background: var(--cb-accent); text-decoration: underline; }
.launcher svg { width: 24px; height: 24px; flex: none; }
.left .launcher, .left .panel { left: 16px; }
.right .launcher, .right .panel { right: 16px; }
.panel { position: fixed; bottom: 80px; z-index: 2147483001; width: min(24rem, calc(100vw - 32px)); height: min(36rem, calc(100vh - 96px)); display: flex; flex-direction: column; background: #ffffff; border: 1px solid #6f777b; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.3); overflow: hidden; }
.head { display: flex; align-items: center; gap: 8px; padding: 8px 12px; background: var(--cb-accent); color: var(--cb-on-accent); }
.head h2 { flex: 1; margin: 0; font-size: 1.1rem; line-height: 1.3; }
.head button { background: transparent; color: inherit; border-color: currentColor; }
.about { margin: 0; padding: 6px 12px; font-size: .9rem; background: #f3f2f1; border-bottom: 1px solid #b1b4b6; }
.tools { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; padding: 6px 12px; border-bottom: 1px solid #b1b4b6; }
.tools select { min-height: 44px; max-width: 100%; padding: 4px 8px; border: 2px solid #0b0c0c; border-radius: 6px; background: #ffffff; }
.tools .end { margin-inline-start: auto; }
.status, .queue { margin: 0; padding: 6px 12px; background: #fff7bf; border-bottom: 1px solid #b1b4b6; }
.status:empty { display: none; }
.offline { padding: 8px 12px; background: #fde8e8; border-bottom: 2px solid #a4000f; }
.offline p { margin: 0 0 6px; }
.offline a { display: inline-block; min-height: 24px; margin-inline-end: 12px; }
.log { flex: 1 1 auto; min-height: 6rem; overflow-y: auto; padding: 8px 12px; }
.list { margin: 0; padding: 0; list-style: none; }
.msg { margin: 0 0 10px; max-width: 90%; }
.msg .who { display: block; font-size: .8rem; color: #484f53; }
.msg .text { margin: 0; padding: 8px 10px; border-radius: 8px; background: #f3f2f1; white-space: pre-wrap; overflow-wrap: anywhere; }
.mine { margin-inline-start: auto; }
.mine .who { text-align: end; }
.mine .text { background: var(--cb-accent); color: var(--cb-on-accent); }
.agent .text { background: #e8f1e8; border: 1px solid #00703c; }
.problem .text { background: #fde8e8; border: 1px solid #a4000f; }
.note { display: block; font-size: .8rem; color: #484f53; }
.links { margin: 4px 0 0; padding: 0; list-style: none; }
.links a { display: inline-block; min-height: 24px; padding: 2px 0; color: #1a4f8b; overflow-wrap: anywhere; }
.choices { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.choices button { border-color: var(--cb-accent-text); color: var(--cb-accent-text); }
.compose { display: flex; gap: 8px; align-items: flex-end; padding: 8px 12px; border-top: 1px solid #b1b4b6; }
.compose .field { flex: 1; display: flex; flex-direction: column; }
.compose label { font-size: .9rem; }
.compose textarea { width: 100%; min-height: 44px; resize: vertical; padding: 6px 8px; border: 2px solid #0b0c0c; border-radius: 6px; }
.compose .send { background: var(--cb-accent); color: var(--cb-on-accent); border-color: var(--cb-on-accent); }
.ended { padding: 12px; border-top: 1px solid #b1b4b6; }
.ended p { margin: 0 0 8px; }
@media (prefers-reduced-motion: no-preference) { .panel { animation: cb-in .15s ease-out; } @keyframes cb-in { from { opacity: 0; transform: translateY(8px); } } }
@media (max-width: 30rem), (max-height: 32rem) {
  .panel { inset: 0 !important; width: auto; height: auto; border-radius: 0; overflow-y: auto; }
  .log { flex: 1 0 auto; overflow: visible; }
}
@media (forced-colors: active) { .msg .text, button { border: 1px solid CanvasText; } }
`;

  let ui = null;
  const host = el('div', { 'data-councilbot': council });
  const root = host.attachShadow({ mode: 'open' });

  function build() {
    const onAccent = textOn(accent);
    host.style.setProperty('--cb-accent', accent);
    host.style.setProperty('--cb-on-accent', onAccent);
    // Buttons on white use the colour only when it reads well there.
    host.style.setProperty('--cb-accent-text', onAccent === '#ffffff' ? accent : '#0b0c0c');
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      root.append(el('style', {}, CSS)); // browsers without constructable sheets
    }
    const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    icon.setAttribute('viewBox', '0 0 24 24');
    icon.setAttribute('aria-hidden', 'true');
    icon.setAttribute('focusable', 'false');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
    icon.append(path);
    ui = {};
    ui.launcherText = el('span');
    ui.launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'cb-panel' }, icon, ui.launcherText);
    ui.title = el('h2', { id: 'cb-title' });
    ui.close = el('button', { type: 'button', class: 'close' });
    ui.about = el('p', { class: 'about' });
    ui.langLabel = el('label', { for: 'cb-lang' });
    ui.select = el('select', { id: 'cb-lang' });
    ui.end = el('button', { type: 'button', class: 'end' });
    ui.status = el('p', { class: 'status', role: 'status' });
    ui.offlineText = el('p');
    ui.phone = el('a');
    ui.email = el('a');
    ui.retry = el('button', { type: 'button', class: 'retry' });
    ui.contacts = el('p', {}, ui.phone, ui.email);
    ui.offline = el('div', { class: 'offline', role: 'alert', hidden: true }, ui.offlineText, ui.contacts, ui.retry);
    ui.list = el('ol', { class: 'list' });
    ui.log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', tabindex: '0' }, ui.list);
    ui.queue = el('p', { class: 'queue', role: 'status', hidden: true });
    ui.inputLabel = el('label', { for: 'cb-input' });
    ui.input = el('textarea', { id: 'cb-input', rows: '2', autocomplete: 'off' });
    ui.send = el('button', { type: 'submit', class: 'send' });
    ui.form = el('form', { class: 'compose' }, el('div', { class: 'field' }, ui.inputLabel, ui.input), ui.send);
    ui.endedText = el('p');
    ui.restart = el('button', { type: 'button', class: 'restart' });
    ui.ended = el('div', { class: 'ended', hidden: true }, ui.endedText, ui.restart);
    ui.panel = el('section', { id: 'cb-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'cb-title', hidden: true },
      el('div', { class: 'head' }, ui.title, ui.close), ui.about,
      el('div', { class: 'tools' }, ui.langLabel, ui.select, ui.end),
      ui.status, ui.offline, ui.log, ui.queue, ui.form, ui.ended);
    ui.frame = el('div', { class: 'cb ' + side }, ui.launcher, ui.panel);
    root.append(ui.frame);
    wire();
    document.body.append(host);
    if (state.open) openPanel(false);
  }

  /** Puts the current language's words on every control. */
  function label() {
    const panelLang = state.current.lang;
    const put = (node, id) => {
      const s = t(id);
      node.textContent = s.text;
      if (s.lang && s.lang !== panelLang) {
        node.setAttribute('lang', s.lang);
        node.setAttribute('dir', dirOf(s.dir));
      } else {
        node.removeAttribute('lang');
        node.removeAttribute('dir');
      }
    };
    ui.frame.setAttribute('lang', panelLang);
    ui.frame.setAttribute('dir', dirOf(state.current.dir));
    put(ui.launcherText, 'widget-launcher');
    put(ui.title, 'widget-title');
    put(ui.close, 'widget-close');
    put(ui.about, 'widget-automated');
    put(ui.langLabel, 'widget-language-label');
    put(ui.end, 'widget-end-chat');
    put(ui.offlineText, 'widget-offline');
    put(ui.retry, 'widget-retry');
    put(ui.inputLabel, 'widget-input-label');
    put(ui.send, 'widget-send');
    put(ui.endedText, 'widget-ended');
    put(ui.restart, 'widget-new-chat');
    ui.log.setAttribute('aria-label', t('widget-log-label').text);
    const phone = t('widget-contact-phone').text;
    const email = t('widget-contact-email').text;
    ui.phone.textContent = phone;
    ui.phone.href = 'tel:' + phone.replace(/[^0-9+]/g, '');
    ui.email.textContent = email;
    ui.email.href = 'mailto:' + email;
    ui.phone.hidden = !phone;
    ui.email.hidden = !email;
    languageOptions();
    showStatus();
    for (const note of ui.log.querySelectorAll('.unsent-note')) note.textContent = t('widget-unsent').text;
  }

  function languageOptions() {
    const chosen = state.pinned ? state.lang : '';
    const options = [el('option', { value: '' }, t('widget-language-auto').text)];
    const languages = state.languages.length ? state.languages : state.current.languages || [];
    for (const language of languages) {
      options.push(el('option', { value: language.code, lang: language.code, dir: dirOf(language.dir) }, String(language.name)));
    }
    ui.select.replaceChildren(...options);
    ui.select.value = chosen;
    if (ui.select.value !== chosen) ui.select.value = '';
  }

  // ---- Opening and closing ------------------------------------------------

  function openPanel(moveFocus) {
    state.open = true;
    persist();
    ui.panel.hidden = false;
    ui.launcher.setAttribute('aria-expanded', 'true');
    if (moveFocus) (ui.form.hidden ? ui.restart : ui.input).focus();
    if (state.status === 'idle') connect();
    scrollDown();
  }

  function closePanel() {
    state.open = false;
    persist();
    ui.panel.hidden = true;
    ui.launcher.setAttribute('aria-expanded', 'false');
    ui.launcher.focus();
  }

  function wire() {
    ui.launcher.addEventListener('click', () => (ui.panel.hidden ? openPanel(true) : closePanel()));
    ui.close.addEventListener('click', closePanel);
    ui.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        closePanel();
      }
    });
    ui.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = ui.input.value.trim();
      if (!text) return;
      ui.input.value = '';
      say(text, null);
    });
    ui.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        ui.form.requestSubmit();
      }
    });
    ui.select.addEventListener('change', () => chooseLanguage(ui.select.value || null));
    ui.end.addEventListener('click', endChat);
    ui.restart.addEventListener('click', () => {
      ui.ended.hidden = true;
      ui.form.hidden = false;
      ui.input.focus();
      connect();
    });
    ui.retry.addEventListener('click', () => {
      state.failures = 0;
      connect();
    });
    window.addEventListener('online', () => {
      if (state.status === 'reconnecting' || state.status === 'offline') connect();
    });
  }

  // ---- The conversation's messages ----------------------------------------

  function scrollDown() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function who(text, lang, dir) {
    return el('span', { class: 'who', lang: lang || null, dir: lang ? dirOf(dir) : null }, text + ':');
  }

  function addResident(id, text, seq, unsent) {
    const you = t('widget-you');
    const item = el('li', { class: 'msg mine', 'data-id': id, 'data-seq': seq || null },
      who(you.text, you.lang, you.dir), el('p', { class: 'text', dir: 'auto' }, text));
    if (unsent) markUnsent(item);
    ui.list.append(item);
    scrollDown();
    return item;
  }

  function markUnsent(item) {
    if (!item.querySelector('.unsent-note')) item.append(el('span', { class: 'note unsent-note' }, t('widget-unsent').text));
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(String(url));
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function linksOf(message) {
    const links = Array.isArray(message.links) ? message.links.slice() : [];
    const source = message.source || {};
    if (source.kind === 'faq' && source.url && !links.some((link) => link && link.url === source.url)) {
      links.push({ title: source.title || source.url, url: source.url });
    }
    const list = el('ul', { class: 'links' });
    for (const link of links) {
      const url = link && safeUrl(link.url);
      if (!url) continue;
      const title = String(link.title || url);
      const text = source.kind === 'faq' ? fill('widget-source', { title }) : title;
      list.append(el('li', {}, el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text, ' ',
        el('span', { class: 'vh' }, t('widget-new-tab').text))));
    }
    return list.children.length ? list : null;
  }

  function addBot(message, withButtons) {
    const source = message.source || {};
    const agent = source.kind === 'agent';
    const name = agent ? fill('widget-agent', { name: String(source.name || '') }) : t('widget-assistant').text;
    const lang = typeof message.lang === 'string' ? message.lang : null;
    const item = el('li', { class: 'msg ' + (agent ? 'agent' : 'bot'), 'data-source': String(source.kind || '') },
      who(name), el('p', { class: 'text', lang, dir: dirOf(message.dir) }, String(message.text || '')));
    const links = linksOf(message);
    if (links) item.append(links);
    const buttons = withButtons && Array.isArray(message.buttons) ? message.buttons : [];
    if (buttons.length) {
      const group = el('div', { class: 'choices', role: 'group', 'aria-label': name, lang, dir: dirOf(message.dir) });
      for (const button of buttons) {
        if (!button || typeof button.label !== 'string') continue;
        const press = el('button', { type: 'button' }, button.label);
        press.addEventListener('click', () => {
          if (press.getAttribute('aria-disabled') === 'true') return;
          for (const other of group.children) other.setAttribute('aria-disabled', 'true');
          say(button.label, typeof button.payload === 'string' && button.payload ? button.payload : null);
        });
        group.append(press);
      }
      item.append(group);
    }
    ui.list.append(item);
    return item;
  }

  function addSystem(frame, problem) {
    const item = el('li', { class: 'msg bot' + (problem ? ' problem' : '') },
      who(t('widget-assistant').text), el('p', { class: 'text', lang: frame.lang || null, dir: dirOf(frame.dir) }, String(frame.text || '')));
    ui.list.append(item);
    scrollDown();
  }

  function onTurn(frame) {
    if (typeof frame.seq === 'number') {
      if (frame.seq <= state.lastSeq) return;
      state.lastSeq = frame.seq;
    }
    const messages = Array.isArray(frame.messages) ? frame.messages : [];
    const hasButtons = messages.some((m) => Array.isArray(m.buttons) && m.buttons.length);
    const focusInLog = root.activeElement && ui.log.contains(root.activeElement);
    if (hasButtons || messages.length) {
      // Only the newest question's buttons can be answered.
      for (const group of ui.log.querySelectorAll('.choices')) group.remove();
    }
    let first = null;
    for (const message of messages) {
      if (!message) continue;
      const source = message.source || {};
      if (source.kind === 'agent' || source.kind === 'handoff') {
        state.handoff = true;
        ui.queue.hidden = true;
      }
      const item = addBot(message, true);
      first = first || item.querySelector('.choices button');
    }
    scrollDown();
    // New buttons take focus only from a button that was just pressed (or
    // nothing), never from someone typing.
    const active = root.activeElement;
    if (first && !state.replaying && (focusInLog || active === ui.log)) first.focus();
    else if (focusInLog && !ui.log.contains(root.activeElement)) ui.input.focus();
    // A replayed turn's language is history: the welcome said the current one.
    if (!state.replaying && typeof frame.lang === 'string' && frame.lang !== state.lang) useLanguage(frame.lang);
    caughtUp();
  }

  function onResident(frame) {
    if (typeof frame.seq === 'number') {
      if (frame.seq <= state.lastSeq) return;
      state.lastSeq = frame.seq;
    }
    const id = String(frame.id || '');
    const shown = [...ui.log.querySelectorAll('.mine')].find((item) => item.dataset.id === id);
    if (shown) {
      shown.dataset.seq = String(frame.seq);
      const note = shown.querySelector('.unsent-note');
      if (note) note.remove();
    } else {
      addResident(id, String(frame.text || ''), frame.seq, false);
    }
    forgetPending(id);
    caughtUp();
  }

  function onAck(frame) {
    if (typeof frame.seq === 'number' && frame.seq > state.lastSeq) state.lastSeq = frame.seq;
    const id = String(frame.id || '');
    forgetPending(id);
    const item = [...ui.log.querySelectorAll('.mine')].find((node) => node.dataset.id === id);
    if (item) {
      item.dataset.seq = String(frame.seq);
      const note = item.querySelector('.unsent-note');
      if (note) note.remove();
    }
  }

  function forgetPending(id) {
    const before = state.pending.length;
    state.pending = state.pending.filter((message) => message.id !== id);
    if (state.pending.length !== before) persist();
  }

  function onError(frame) {
    const code = String(frame.code || '');
    if (frame.id && (code === 'rate-limited' || code === 'internal')) {
      // Not stored: kept, and sent again shortly with the same id.
      setTimeout(() => resend(String(frame.id)), 3000);
    } else if (frame.id) {
      forgetPending(String(frame.id)); // never acceptable as it is
    }
    if (code === 'replaced') state.status = 'stopped';
    addSystem(frame, true);
  }

  // ---- Sending ------------------------------------------------------------

  function newId() {
    const random = new Uint32Array(2);
    crypto.getRandomValues(random);
    state.counter += 1;
    return 'w' + Date.now().toString(36) + '-' + random[0].toString(36) + random[1].toString(36) + '-' + state.counter;
  }

  function say(text, payload) {
    const message = { id: newId(), text };
    if (payload) message.payload = payload;
    state.pending.push(message);
    persist();
    addResident(message.id, text, null, !isOpen());
    if (isOpen() && state.welcomed && !state.replaying) transmit(message);
    else if (state.status === 'idle' || state.status === 'ended') connect();
  }

  function resend(id) {
    const message = state.pending.find((m) => m.id === id);
    if (message && isOpen() && state.welcomed) transmit(message);
  }

  function transmit(message) {
    state.socket.send(JSON.stringify(Object.assign({ type: 'message' }, message)));
  }

  function isOpen() {
    return state.socket !== null && state.socket.readyState === WebSocket.OPEN;
  }

  function chooseLanguage(code) {
    state.pinned = code !== null;
    if (isOpen() && state.welcomed) state.socket.send(JSON.stringify({ type: 'set_language', lang: code }));
    else state.wantLang = code;
  }

  // ---- The socket ---------------------------------------------------------

  function connect() {
    clearTimeout(state.timer);
    if (state.socket) {
      state.socket.onclose = null;
      state.socket.close();
    }
    state.welcomed = false;
    if (state.status !== 'reconnecting' && state.status !== 'offline') state.status = 'connecting';
    showStatus();
    let socket;
    try {
      socket = new WebSocket(SOCKET);
    } catch (e) {
      return failed();
    }
    state.socket = socket;
    socket.onopen = () => {
      const hello = { type: 'hello', v: 1 };
      if (pageLang) hello.page_lang = pageLang;
      if (pageAbout) hello.page = pageAbout;
      if (state.token) {
        hello.resume_token = state.token;
        hello.last_seq = state.lastSeq;
      }
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (frame && typeof frame === 'object') receive(frame);
    };
    socket.onclose = (event) => closed(event.code);
  }

  function receive(frame) {
    switch (frame.type) {
      case 'welcome': return onWelcome(frame);
      case 'turn': return onTurn(frame);
      case 'resident': return onResident(frame);
      case 'ack': return onAck(frame);
      case 'queue':
        ui.queue.textContent = String(frame.text || '');
        ui.queue.setAttribute('lang', String(frame.lang || state.lang));
        ui.queue.setAttribute('dir', dirOf(frame.dir));
        ui.queue.hidden = false;
        state.handoff = true;
        return;
      case 'notice': return addSystem(frame, false);
      case 'error': return onError(frame);
      default: return;
    }
  }

  function onWelcome(frame) {
    if (!frame.resumed && state.lastSeq > 0) {
      // The earlier conversation could not be resumed: start afresh.
      for (const item of [...ui.list.children]) if (!item.querySelector('.unsent-note')) item.remove();
      state.lastSeq = 0;
      state.handoff = false;
    }
    state.token = typeof frame.resume_token === 'string' ? frame.resume_token : state.token;
    state.welcomed = true;
    state.failures = 0;
    state.status = 'open';
    state.languages = Array.isArray(frame.languages) ? frame.languages : [];
    state.pinned = frame.pinned === true;
    state.flushed = false;
    persist();
    ui.offline.hidden = true;
    showStatus();
    state.replayUntil = typeof frame.last_seq === 'number' ? frame.last_seq : 0;
    // Replayed history is not announced again: the log is quiet until it is in.
    state.replaying = frame.resumed === true && state.replayUntil > state.lastSeq;
    if (state.replaying) ui.log.setAttribute('aria-live', 'off');
    if (typeof frame.lang === 'string' && frame.lang !== state.lang) useLanguage(frame.lang);
    else languageOptions();
    caughtUp();
  }

  /** After the replay: speak again, and send what is still waiting. */
  function caughtUp() {
    if (!state.welcomed || state.flushed || (state.replaying && state.lastSeq < state.replayUntil)) return;
    state.flushed = true;
    if (state.replaying) {
      state.replaying = false;
      ui.log.setAttribute('aria-live', 'polite');
    }
    if (state.wantLang !== undefined) {
      const code = state.wantLang;
      state.wantLang = undefined;
      chooseLanguage(code);
    }
    for (const message of state.pending) transmit(message);
    for (const note of ui.log.querySelectorAll('.unsent-note')) note.remove();
  }

  function closed(code) {
    state.socket = null;
    state.welcomed = false;
    if (state.status === 'ended' || state.status === 'stopped' || code === 4000) {
      state.status = 'stopped';
      return showStatus();
    }
    if (code === 1000 && state.failures === 0) {
      // Idle close: come back when the resident does.
      state.status = 'idle';
      return showStatus();
    }
    failed();
  }

  function failed() {
    state.failures += 1;
    state.status = state.failures >= OFFLINE_AFTER ? 'offline' : 'reconnecting';
    for (const item of ui.log.querySelectorAll('.mine')) {
      if (state.pending.some((m) => m.id === item.dataset.id)) markUnsent(item);
    }
    showStatus();
    const delay = DELAYS[Math.min(state.failures - 1, DELAYS.length - 1)];
    state.timer = setTimeout(connect, delay * (0.8 + Math.random() * 0.4));
  }

  function showStatus() {
    if (!ui) return;
    const words = { connecting: 'widget-connecting', reconnecting: 'widget-reconnecting', offline: 'widget-reconnecting' };
    ui.status.textContent = words[state.status] ? t(words[state.status]).text : '';
    // Replaced by another tab: the server said why; offer only to take it back.
    ui.offline.hidden = state.status !== 'offline' && state.status !== 'stopped';
    ui.offlineText.hidden = ui.contacts.hidden = state.status === 'stopped';
    ui.frame.dataset.status = state.status;
  }

  // ---- Ending the chat ----------------------------------------------------

  function endChat() {
    const socket = state.socket;
    if (socket) socket.onclose = socket.onmessage = null;
    if (socket && isOpen() && state.handoff) {
      // Leave the queue, or the person, before forgetting the conversation.
      socket.send(JSON.stringify({ type: 'message', id: newId(), text: t('widget-end-chat').text, payload: 'command:cancel' }));
    }
    state.status = 'ended';
    clearTimeout(state.timer);
    if (socket) setTimeout(() => socket.close(1000), state.handoff ? 1500 : 0);
    state.socket = null;
    state.token = null;
    state.pending = [];
    state.lastSeq = 0;
    state.handoff = false;
    persist();
    ui.list.replaceChildren();
    ui.queue.hidden = true;
    ui.form.hidden = true;
    ui.ended.hidden = false;
    showStatus();
    ui.restart.focus();
  }

  // ---- Start --------------------------------------------------------------

  window.councilbotWidget = { version: 1 };
  async function start() {
    for (let attempt = 0; attempt < 6; attempt += 1) {
      if (await useLanguage(state.lang)) {
        // A conversation in progress (a reload) is restored at once.
        if ((state.token || state.pending.length) && state.status === 'idle') connect();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, DELAYS[attempt]));
    }
  }
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
