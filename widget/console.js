/* councilbot staff console: signs in (docs/staff.md), then keeps one
 * websocket to /ws/agent (docs/handoff.md) and renders the queue, my chats,
 * the open chat and callbacks. Plain JavaScript, no build step.
 * Safety rule: whatever the server sends (a resident's words above all) is
 * inserted as text through el(), never as HTML. */
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const TITLE = 'councilbot console';
  const MAX_REPLY = 4000;

  const state = {
    me: null, // {name, role, languages, topics, csrf}
    socket: null,
    welcomed: false, // the current socket has had its welcome
    stopped: true, // no reconnecting: signed out, or replaced elsewhere
    retries: 0,
    retryTimer: 0,
    outcomes: [],
    queue: [],
    chats: [],
    agents: [],
    seenWaiting: new Set(), // conversations already announced as waiting
    selected: null, // the open chat's conversation id
    logs: new Map(), // conversation -> transcript entries
    ended: new Map(), // conversation -> why it is no longer mine
    unread: new Set(),
    replies: 0,
    interacted: false, // browsers allow sound only after a gesture
    audio: null,
  };

  // ---- Small helpers ---------------------------------------------------

  /** Builds an element; children that are strings become text nodes. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  const names = (() => {
    try {
      return new Intl.DisplayNames(['en'], { type: 'language' });
    } catch (e) {
      return null;
    }
  })();

  /** "Arabic (ar)"; the bare tag when the browser does not know it. */
  function language(tag) {
    if (!tag) return 'unknown';
    try {
      const name = names && names.of(tag);
      return name && name !== tag ? name + ' (' + tag + ')' : tag;
    } catch (e) {
      return String(tag);
    }
  }

  function safeDir(dir) {
    return dir === 'rtl' || dir === 'ltr' ? dir : 'auto';
  }

  function waited(since) {
    const minutes = Math.floor((Date.now() - since) / 60000);
    if (!(minutes >= 1)) return 'waiting less than a minute';
    return 'waiting ' + minutes + (minutes === 1 ? ' minute' : ' minutes');
  }

  const when = (ms) => new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const asArray = (value) => (Array.isArray(value) ? value : []);

  /** Says something to screen readers through the polite live region. */
  function announce(text) {
    const region = $('announcer');
    region.append(el('p', null, text));
    while (region.childNodes.length > 5) region.firstChild.remove();
  }

  let noticeTimer = 0;
  function notice(text) {
    const box = $('notice');
    box.textContent = text;
    box.hidden = !text;
    clearTimeout(noticeTimer);
    if (text) noticeTimer = setTimeout(() => notice(''), 20000);
  }

  function setConnection(text, status) {
    $('connection').textContent = text;
    document.documentElement.dataset.socket = status;
  }

  /** Re-renders a list without losing keyboard focus on one of its buttons. */
  function keepingFocus(container, render) {
    const active = document.activeElement;
    const key = active && container.contains(active) ? active.dataset.focusKey : null;
    render();
    if (key) {
      const again = container.querySelector('[data-focus-key="' + CSS.escape(key) + '"]');
      if (again) again.focus();
    }
  }

  /** A short beep for a new chat; silent until the user has interacted. */
  function beep() {
    if (!state.interacted) return;
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      state.audio = state.audio || new Context();
      const ctx = state.audio;
      if (ctx.state === 'suspended') ctx.resume().catch(() => {});
      const tone = ctx.createOscillator();
      const gain = ctx.createGain();
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, ctx.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.3);
      tone.connect(gain).connect(ctx.destination);
      tone.start();
      tone.stop(ctx.currentTime + 0.3);
    } catch (e) {
      // Sound is a nicety; the title and the live region still tell.
    }
  }

  // ---- Signing in and out ----------------------------------------------

  async function checkSession() {
    try {
      const response = await fetch('/console/me', { credentials: 'same-origin', cache: 'no-store' });
      if (response.ok) return await response.json();
      return response.status === 401 ? null : 'unknown';
    } catch (e) {
      return 'unknown';
    }
  }

  function showSignIn(message) {
    $('console').hidden = true;
    $('me').hidden = true;
    $('signin').hidden = false;
    $('signin-error').textContent = message || '';
    document.title = TITLE;
    $('signin-name').focus();
  }

  async function signIn(event) {
    event.preventDefault();
    const name = $('signin-name').value;
    const password = $('signin-password').value;
    const error = $('signin-error');
    if (!name || !password) {
      error.textContent = 'Enter your name and your password.';
      return;
    }
    $('signin-submit').disabled = true;
    error.textContent = '';
    try {
      const response = await fetch('/console/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, password }),
        credentials: 'same-origin',
        cache: 'no-store',
      });
      if (response.ok) {
        $('signin-password').value = '';
        start(await response.json());
        return;
      }
      const body = await response.json().catch(() => ({}));
      if (response.status === 429) {
        const wait = parseInt(response.headers.get('Retry-After') || '', 10);
        const left = !(wait > 0) ? 'a few minutes' : wait < 90 ? wait + ' seconds' : Math.ceil(wait / 60) + ' minutes';
        error.textContent = 'Too many failed sign-ins. Try again in ' + left + '.';
      } else if (body.error === 'wrong-credentials') {
        error.textContent = 'Wrong name or password.';
      } else if (body.error === 'cross-origin') {
        error.textContent = "Open the console from the chat server's own address.";
      } else {
        error.textContent = 'Cannot sign in right now (' + (body.error || response.status) + '). Try again shortly.';
      }
    } catch (e) {
      error.textContent = 'The server cannot be reached. Try again shortly.';
    } finally {
      $('signin-submit').disabled = false;
    }
  }

  function start(me) {
    state.me = me;
    $('me-name').textContent = me.name;
    $('me').hidden = false;
    $('signin').hidden = true;
    if (me.role === 'editor') {
      showSignIn('This account does not take chats (it needs the agent role).');
      $('me').hidden = false;
      return;
    }
    $('console').hidden = false;
    $('main').focus();
    state.stopped = false;
    connect();
  }

  /** Forgets everything about the session and the chats on this page. */
  function stop() {
    state.stopped = true;
    clearTimeout(state.retryTimer);
    const socket = state.socket;
    state.socket = null;
    if (socket) socket.close(1000, 'signed out');
    state.me = null;
    state.queue = [];
    state.chats = [];
    state.selected = null;
    state.logs.clear();
    state.ended.clear();
    state.unread.clear();
  }

  async function signOut() {
    const csrf = state.me ? state.me.csrf : '';
    try {
      const response = await fetch('/console/logout', {
        method: 'POST',
        headers: { 'X-CSRF-Token': csrf },
        credentials: 'same-origin',
        cache: 'no-store',
      });
      if (!response.ok && response.status !== 401) {
        notice('Signing out failed (' + response.status + '). Try again.');
        return;
      }
    } catch (e) {
      notice('The server cannot be reached; you are still signed in.');
      return;
    }
    stop();
    showSignIn('You have signed out.');
  }

  // ---- The socket --------------------------------------------------------

  function connect() {
    clearTimeout(state.retryTimer);
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/agent';
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (e) {
      reconnectLater();
      return;
    }
    state.socket = socket;
    state.welcomed = false;
    setConnection('Connecting…', 'connecting');
    socket.addEventListener('message', (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (frame && typeof frame === 'object') handle(frame);
    });
    socket.addEventListener('close', (event) => closed(socket, event));
  }

  async function closed(socket, event) {
    if (state.socket !== socket || state.stopped) return;
    state.socket = null;
    if (event.code === 4000) {
      // Opened elsewhere: reconnecting here would take it back, then lose it again.
      state.stopped = true;
      setConnection('Disconnected.', 'replaced');
      notice('You opened the console in another tab or window, so this one has stopped. Reload to use it here.');
      return;
    }
    if (!state.welcomed) {
      // A refused upgrade looks like any drop: ask whether the session is still there.
      const me = await checkSession();
      if (me === null) {
        stop();
        showSignIn('Your session has ended. Sign in again.');
        return;
      }
    }
    reconnectLater();
  }

  function reconnectLater() {
    if (state.stopped) return;
    const delay = Math.min(30000, 1000 * 2 ** state.retries) * (0.75 + Math.random() / 2);
    state.retries += 1;
    setConnection('Connection lost. Reconnecting in ' + Math.round(delay / 1000) + ' s…', 'reconnecting');
    state.retryTimer = setTimeout(connect, delay);
  }

  function send(frame) {
    if (state.socket && state.socket.readyState === WebSocket.OPEN) {
      state.socket.send(JSON.stringify(frame));
      return true;
    }
    notice('Not connected, so that was not sent. Wait for the connection to come back.');
    return false;
  }

  function handle(frame) {
    switch (frame.type) {
      case 'welcome': return onWelcome(frame);
      case 'queue': return onQueue(asArray(frame.chats));
      case 'chats': return onChats(asArray(frame.chats));
      case 'transcript': return onTranscript(frame);
      case 'resident': return onResident(frame);
      case 'left': return endChat(frame.conversation, 'The resident ended the chat.');
      case 'sent': return onSent(frame);
      case 'agents':
        state.agents = asArray(frame.agents);
        return renderTransfer();
      case 'callbacks': return renderCallbacks(asArray(frame.cases));
      case 'ok': return onOk(frame);
      case 'error': return onError(frame);
      default: return undefined; // pong, and frames from a newer server
    }
  }

  const OUTCOME_NAMES = {
    resolved: 'Resolved',
    referred: 'Referred elsewhere',
    callback: 'Call back later',
    'no-reply': 'No reply from the resident',
    other: 'Other',
  };

  function onWelcome(frame) {
    state.welcomed = true;
    state.retries = 0;
    setConnection('Connected.', 'open');
    $('available').value = frame.available ? 'true' : 'false';
    $('capacity').value = String(frame.capacity);
    state.outcomes = asArray(frame.outcomes);
    const outcome = $('outcome');
    const chosen = outcome.value;
    outcome.replaceChildren(el('option', { value: '' }, 'Choose an outcome'));
    for (const code of state.outcomes) outcome.append(el('option', { value: code }, OUTCOME_NAMES[code] || code));
    outcome.value = state.outcomes.includes(chosen) ? chosen : '';
    send({ type: 'agents' });
    send({ type: 'callbacks' });
    // After a reconnect, catch up on what the open chat missed.
    if (state.selected && !state.ended.has(state.selected)) send({ type: 'transcript', conversation: state.selected });
  }

  const ERRORS = {
    'not-waiting': 'That chat is no longer waiting: someone else took it, or the resident left.',
    'not-yours': 'That chat is no longer yours.',
    'not-your-skill': 'That chat needs a language or topic you do not cover.',
    'at-capacity': 'You have as many chats as you take at once. Close one, or raise “Chats at once”.',
    'no-such-agent': 'That colleague is no longer online, or cannot take the chat.',
    'invalid-reply': 'A reply must be 1 to 4,000 characters.',
    'invalid-outcome': 'Choose an outcome before closing.',
    'not-found': 'That callback is gone; someone may have done it already.',
    unavailable: 'The server cannot do that right now. Try again shortly.',
    'invalid-frame': 'The server did not understand the console. Reload the page.',
  };

  function onOk(frame) {
    const conversation = frame.conversation;
    switch (frame.request) {
      case 'take':
        state.ended.delete(conversation);
        announce('You took the chat.');
        return select(conversation, false); // the server sends its transcript itself
      case 'hand_back': return endChat(conversation, 'You handed this chat back to the bot.');
      case 'close': return endChat(conversation, 'You closed this chat.');
      case 'transfer': return endChat(conversation, 'You transferred this chat.');
      case 'callback_done': return announce('Callback ' + frame.reference + ' marked done.');
      default: return undefined;
    }
  }

  function onError(frame) {
    if (frame.code === 'replaced') return; // close 4000 follows
    notice(ERRORS[frame.code] || frame.message || 'Something went wrong.');
    if (frame.request === 'reply') failReply(frame.conversation, frame.id);
  }

  // ---- Queue and my chats --------------------------------------------------

  function onQueue(chats) {
    state.queue = chats;
    const arrived = chats.filter((chat) => !state.seenWaiting.has(chat.conversation));
    for (const chat of arrived) {
      state.seenWaiting.add(chat.conversation);
      announce('New chat waiting' + (chat.urgent ? ', urgent' : '') + ': ' + language(chat.lang) + (chat.topic ? ', ' + chat.topic : '') + '.');
    }
    if (arrived.length) beep();
    document.title = chats.length ? '(' + chats.length + ') Queue – ' + TITLE : TITLE;
    $('queue-count').textContent = chats.length ? '(' + chats.length + ' waiting)' : '';
    renderQueue();
    renderTransfer();
  }

  function facts(chat, extra) {
    const line = el('span', { class: 'facts' });
    if (chat.urgent) line.append(el('span', { class: 'urgent-tag' }, 'Urgent'));
    line.append('Language: ' + language(chat.lang) + ' · Topic: ' + (chat.topic || 'none'));
    if (chat.page) line.append(' · Page: ' + chat.page);
    if (extra) line.append(' · ', extra);
    return line;
  }

  function renderQueue() {
    const list = $('queue');
    $('queue-empty').hidden = state.queue.length > 0;
    keepingFocus(list, () => {
      list.replaceChildren(...state.queue.map((chat, index) => {
        const summaryId = 'queue-summary-' + index;
        return el('li', { 'data-conversation': chat.conversation },
          facts(chat, el('span', { class: 'waited', 'data-since': chat.queued_at }, waited(chat.queued_at))),
          el('p', { class: 'summary', id: summaryId, dir: 'auto' }, chat.summary || '(no message)'),
          takeButton(chat, summaryId));
      }));
    });
  }

  function takeButton(chat, summaryId) {
    const button = el('button', {
      type: 'button', class: 'take', 'aria-describedby': summaryId,
      'data-focus-key': 'take:' + chat.conversation,
    }, 'Take chat');
    button.addEventListener('click', () => send({ type: 'take', conversation: chat.conversation }));
    return button;
  }

  function onChats(chats) {
    state.chats = chats;
    renderChats();
    renderTransfer();
    if (state.selected) renderChatHeader();
  }

  function renderChats() {
    const list = $('chats');
    $('chats-empty').hidden = state.chats.length > 0;
    keepingFocus(list, () => {
      list.replaceChildren(...state.chats.map((chat, index) => {
        const summaryId = 'chat-summary-' + index;
        const presence = chat.resident_connected
          ? el('span', { class: 'here' }, 'resident connected')
          : el('span', { class: 'away' }, 'resident away');
        const item = el('li', { 'data-conversation': chat.conversation, 'aria-current': chat.conversation === state.selected ? 'true' : null },
          facts(chat, presence),
          el('p', { class: 'summary', id: summaryId, dir: 'auto' }, chat.summary || '(no message)'),
          state.unread.has(chat.conversation) ? el('span', { class: 'unread' }, 'New messages') : null);
        const open = el('button', { type: 'button', class: 'open', 'aria-describedby': summaryId, 'data-focus-key': 'open:' + chat.conversation }, 'Open chat');
        open.addEventListener('click', () => select(chat.conversation));
        item.append(open);
        return item;
      }));
    });
  }

  // ---- The open chat -------------------------------------------------------

  function select(conversation, fetchTranscript = true) {
    state.selected = conversation;
    state.unread.delete(conversation);
    if (!state.logs.has(conversation)) state.logs.set(conversation, []);
    renderChats();
    renderChat();
    if (state.ended.has(conversation)) return;
    if (fetchTranscript) send({ type: 'transcript', conversation });
    send({ type: 'agents' });
  }

  function sourceLabel(source) {
    const s = source || {};
    switch (s.kind) {
      case 'agent': return 'Agent ' + (s.name || '');
      case 'intent': return 'Bot · intent ' + s.id;
      case 'faq': return 'Bot · FAQ “' + (s.title || '') + '” (' + s.id + ')';
      case 'safeguarding': return 'Bot · safeguarding' + (s.id ? ' ' + s.id : '');
      case 'system': return 'Bot · system' + (s.id ? ' ' + s.id : '');
      case undefined: return 'Bot';
      default: return 'Bot · ' + s.kind;
    }
  }

  /** Stored frames to transcript entries. A turn's `detected` is the language
      found in the resident message it answers, so it is shown on that message. */
  function entriesFrom(events) {
    const entries = [];
    const residentById = new Map();
    for (const event of events) {
      if (event.type === 'resident') {
        const entry = { kind: 'resident', who: 'Resident', text: event.text, dir: 'auto' };
        residentById.set(event.id, entry);
        entries.push(entry);
      } else if (event.type === 'turn') {
        const asked = residentById.get(event.reply_to);
        if (asked && event.detected) {
          asked.lang = event.detected;
          asked.who = 'Resident · language detected: ' + language(event.detected);
        }
        for (const message of event.messages || []) {
          const agent = message.source && message.source.kind === 'agent';
          entries.push({
            kind: agent ? 'agent' : 'bot',
            who: sourceLabel(message.source) + ' · in ' + language(message.lang),
            text: message.text, lang: message.lang, dir: message.dir,
          });
        }
      }
    }
    return entries;
  }

  function onTranscript(frame) {
    const entries = entriesFrom(asArray(frame.events));
    // Keep my replies the store does not have yet (still pending, or kept for later).
    const stored = new Set(entries.filter((e) => e.kind === 'agent').map((e) => e.text));
    const local = (state.logs.get(frame.conversation) || []).filter((e) => e.state && e.state !== 'delivered' && !stored.has(e.text));
    state.logs.set(frame.conversation, entries.concat(local));
    if (frame.conversation === state.selected) renderTranscript();
  }

  function onResident(frame) {
    const log = state.logs.get(frame.conversation) || [];
    log.push({ kind: 'resident', who: 'Resident', text: frame.text, dir: 'auto' });
    // What the bot still answered while you have the chat (safeguarding).
    for (const message of asArray(frame.replies)) {
      log.push({
        kind: 'bot',
        who: sourceLabel(message.source) + ' · in ' + language(message.lang),
        text: message.text, lang: message.lang, dir: message.dir,
      });
    }
    state.logs.set(frame.conversation, log);
    if (frame.conversation === state.selected) {
      renderTranscript();
      announce('Resident: ' + frame.text);
    } else {
      state.unread.add(frame.conversation);
      renderChats();
      announce('New message from a resident in another chat.');
    }
  }

  function endChat(conversation, why) {
    state.ended.set(conversation, why);
    if (conversation === state.selected) {
      renderChat();
      announce(why);
    }
  }

  const STATES = {
    pending: 'Sending…',
    delivered: 'Delivered',
    kept: 'Kept for when the resident comes back',
    failed: 'Not sent',
  };

  function onSent(frame) {
    const log = state.logs.get(frame.conversation) || [];
    const entry = log.find((e) => e.id === frame.id);
    if (!entry) return;
    entry.state = frame.delivered ? 'delivered' : frame.kept ? 'kept' : 'failed';
    if (frame.conversation === state.selected) renderTranscript();
  }

  function failReply(conversation, id) {
    const log = state.logs.get(conversation) || [];
    const entry = log.find((e) => e.state === 'pending' && (id === undefined || e.id === id));
    if (entry) entry.state = 'failed';
    if (conversation === state.selected) renderTranscript();
  }

  function renderChat() {
    const open = state.selected !== null;
    $('chat-none').hidden = open;
    $('chat').hidden = !open;
    if (!open) return;
    renderChatHeader();
    renderTranscript();
  }

  function renderChatHeader() {
    const conversation = state.selected;
    const chat = state.chats.find((c) => c.conversation === conversation);
    const ended = state.ended.get(conversation);
    $('chat-meta').textContent = chat
      ? 'Language: ' + language(chat.lang) + ' · Topic: ' + (chat.topic || 'none') + ' · ' + (chat.resident_connected ? 'resident connected' : 'resident away') + (chat.urgent ? ' · urgent' : '')
      : '';
    $('chat-status').textContent = ended || '';
    for (const id of ['reply', 'send', 'hand-back', 'transfer-to', 'transfer', 'outcome', 'close-chat']) $(id).disabled = Boolean(ended);
  }

  function renderTranscript() {
    const list = $('transcript');
    const log = state.logs.get(state.selected) || [];
    list.replaceChildren(...log.map((entry) => {
      const item = el('li', { class: 'from-' + entry.kind },
        el('span', { class: 'who' }, entry.who),
        el('p', { class: 'text', lang: entry.lang || null, dir: safeDir(entry.dir) }, entry.text));
      if (entry.state) {
        item.append(el('span', { class: 'state' + (entry.state === 'failed' ? ' failed' : ''), 'data-state': entry.state }, STATES[entry.state]));
      }
      return item;
    }));
    list.scrollTop = list.scrollHeight;
  }

  function sendReply(event) {
    if (event) event.preventDefault();
    const box = $('reply');
    const text = box.value.trim();
    const conversation = state.selected;
    if (!text || !conversation || state.ended.has(conversation)) return;
    if (text.length > MAX_REPLY) {
      notice(ERRORS['invalid-reply']);
      return;
    }
    state.replies += 1;
    const id = 'a-' + Date.now().toString(36) + '-' + state.replies;
    if (!send({ type: 'reply', conversation, id, text })) return;
    const log = state.logs.get(conversation) || [];
    log.push({ kind: 'agent', who: 'You (' + (state.me ? state.me.name : '') + ')', text, dir: 'auto', id, state: 'pending' });
    state.logs.set(conversation, log);
    box.value = '';
    renderTranscript();
  }

  let transferOptions = '';
  function renderTransfer() {
    const select = $('transfer-to');
    const topics = new Set((state.me && state.me.topics) || []);
    for (const chat of state.queue.concat(state.chats)) if (chat.topic) topics.add(chat.topic);
    // Rebuilding an open select would close it under the user: only on change.
    const options = JSON.stringify([state.agents, [...topics].sort()]);
    if (options === transferOptions) return;
    transferOptions = options;
    const chosen = select.value;
    const colleagues = el('optgroup', { label: 'Colleagues online' });
    for (const agent of state.agents) colleagues.append(el('option', { value: 'agent:' + agent.id }, agent.name));
    if (!state.agents.length) colleagues.append(el('option', { value: '', disabled: true }, 'No one else is online'));
    const queue = el('optgroup', { label: 'Back to the queue' }, el('option', { value: 'topic:' }, 'Queue, no topic'));
    for (const topic of [...topics].sort()) queue.append(el('option', { value: 'topic:' + topic }, 'Queue, topic ' + topic));
    select.replaceChildren(colleagues, queue);
    if ([...select.options].some((o) => o.value === chosen && !o.disabled)) select.value = chosen;
    else select.value = 'topic:';
  }

  function transfer() {
    const target = $('transfer-to').value;
    const conversation = state.selected;
    if (!conversation || !target) return;
    if (target.startsWith('agent:')) send({ type: 'transfer', conversation, agent: target.slice(6) });
    else send({ type: 'transfer', conversation, topic: target.slice(6) || null });
  }

  function closeChat() {
    const outcome = $('outcome').value;
    if (!outcome) {
      notice(ERRORS['invalid-outcome']);
      $('outcome').focus();
      return;
    }
    if (state.selected) send({ type: 'close', conversation: state.selected, outcome });
  }

  // ---- Callbacks -------------------------------------------------------------

  function renderCallbacks(cases) {
    const body = $('callbacks');
    $('callbacks-empty').hidden = cases.length > 0;
    $('callbacks-table').hidden = cases.length === 0;
    keepingFocus(body, () => {
      body.replaceChildren(...cases.map((item) => {
        const details = item.details && typeof item.details === 'object' ? item.details : {};
        const contact = [details.how, details.phone, details.email].filter(Boolean).join(' · ');
        const done = el('button', { type: 'button', 'data-focus-key': 'done:' + item.reference },
          'Mark done', el('span', { class: 'visually-hidden' }, ' ' + item.reference));
        done.addEventListener('click', () => send({ type: 'callback_done', reference: item.reference }));
        return el('tr', { 'data-reference': item.reference },
          el('td', null, item.reference),
          el('td', null, when(item.created_at)),
          el('td', null, language(item.lang)),
          el('td', { dir: 'auto' }, details.name || ''),
          el('td', { dir: 'auto' }, contact),
          el('td', { dir: 'auto', lang: item.lang || null }, details.question || ''),
          el('td', null, done));
      }));
    });
  }

  // ---- Wiring ----------------------------------------------------------------

  function wire() {
    const capacity = $('capacity');
    for (let n = 1; n <= 20; n += 1) capacity.append(el('option', { value: String(n) }, String(n)));
    const status = () => send({ type: 'status', available: $('available').value === 'true', capacity: Number(capacity.value) });
    $('available').addEventListener('change', status);
    capacity.addEventListener('change', status);

    $('signin-form').addEventListener('submit', signIn);
    $('signout').addEventListener('click', signOut);
    $('reply-form').addEventListener('submit', sendReply);
    $('reply').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) sendReply(event);
    });
    $('hand-back').addEventListener('click', () => {
      if (state.selected) send({ type: 'hand_back', conversation: state.selected });
    });
    $('transfer').addEventListener('click', transfer);
    $('transfer-to').addEventListener('focus', () => send({ type: 'agents' }));
    $('close-chat').addEventListener('click', closeChat);
    $('callbacks-refresh').addEventListener('click', () => send({ type: 'callbacks' }));

    const gesture = () => { state.interacted = true; };
    document.addEventListener('pointerdown', gesture, true);
    document.addEventListener('keydown', gesture, true);

    // Waiting times tick every minute; keep the socket warm through proxies.
    setInterval(() => {
      for (const span of document.querySelectorAll('#queue .waited')) span.textContent = waited(Number(span.dataset.since));
    }, 60000);
    let ticks = 0;
    setInterval(() => {
      ticks += 1;
      const open = state.welcomed && state.socket && state.socket.readyState === WebSocket.OPEN;
      if (open) state.socket.send(ticks % 5 ? '{"type":"ping"}' : '{"type":"callbacks"}');
    }, 25000);
  }

  async function boot() {
    wire();
    renderTransfer();
    const me = await checkSession();
    if (me && typeof me === 'object') start(me);
    else showSignIn(me === 'unknown' ? 'The server cannot be reached right now.' : '');
  }

  boot();
})();
