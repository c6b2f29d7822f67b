// The simulated phones: polls the simulator's JSON every second and draws each member's messages the way WeCom
// draws them. Stable hooks for browser tests: .phone[data-user], .card[data-task-id][data-state], button[data-key].
(() => {
  'use strict';

  const base = '/wecom-sim';
  const texts = {
    zh: {
      title: '企业微信模拟器', member: '成员', allMembers: '全部成员', outage: '故障模拟', outageNone: '正常',
      outageUnreachable: '无法连接 (503)', outageBusy: '系统繁忙 (-1)', outageRateLimit: '接口限频 (45009)',
      reset: '清空', confirmReset: '清空模拟器的全部消息、令牌和计数？', noMembers: '还没有成员收到消息。StoreStock 发出的卡片会出现在这里。',
      app: 'StoreStock 库存', noMessages: '暂无消息', dropped: '条因限频被丢弃', details: '详情', viewDetails: '查看详情',
      gettoken: '获取令牌', sends: '发送调用', delivered: '送达', duplicates: '重复已忽略', droppedStat: '限频丢弃',
      updates: '卡片更新', clicks: '点击', errors: '错误', offline: '无法连接模拟器',
      clicked: (label, status) => `已点击「${label}」，回调已送达 StoreStock（HTTP ${status}）`,
      clickFailed: (label, why) => `点击「${label}」失败：${why}`, noAnswer: 'StoreStock 没有应答',
      voteUnsupported: '模拟器暂不支持投票和多项选择', language: 'English',
    },
    en: {
      title: 'WeCom simulator', member: 'Member', allMembers: 'All members', outage: 'Outage', outageNone: 'None',
      outageUnreachable: 'Unreachable (503)', outageBusy: 'System busy (-1)', outageRateLimit: 'Rate limited (45009)',
      reset: 'Reset', confirmReset: 'Clear every message, token and counter of the simulator?', noMembers: 'No member has received anything yet. Cards StoreStock sends appear here.',
      app: 'StoreStock', noMessages: 'No messages', dropped: 'dropped over the rate limit', details: 'Details', viewDetails: 'View details',
      gettoken: 'gettoken', sends: 'send calls', delivered: 'delivered', duplicates: 'duplicates ignored', droppedStat: 'dropped (rate limit)',
      updates: 'card updates', clicks: 'clicks', errors: 'errors', offline: 'Simulator not reachable',
      clicked: (label, status) => `Clicked "${label}"; callback delivered to StoreStock (HTTP ${status})`,
      clickFailed: (label, why) => `Click on "${label}" failed: ${why}`, noAnswer: 'StoreStock did not answer',
      voteUnsupported: 'Votes and multiple choice are not simulated', language: '中文',
    },
  };

  const query = new URLSearchParams(location.search);
  let lang = query.get('lang') === 'en' || localStorage.getItem('wecom-sim-lang') === 'en' ? 'en' : 'zh';
  let selected = query.get('user') || '';
  const phones = new Map();
  const t = key => texts[lang][key] ?? texts.zh[key] ?? key;
  const $ = id => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  const isHttp = url => typeof url === 'string' && /^https?:\/\//i.test(url);
  const link = (url, label, attrs) => isHttp(url)
    ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', ...attrs }, label)
    : el('span', attrs, label);

  async function getJson(path) {
    const response = await fetch(base + path, { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  async function postJson(path, body) {
    const response = await fetch(base + path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { ok: response.ok, status: response.status, body: text ? JSON.parse(text) : null };
  }

  // Text with WeCom's <a href> links and line breaks; everything else stays text.
  function richText(source) {
    const out = document.createDocumentFragment();
    const pattern = /<a\s+href=["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi;
    let last = 0;
    for (const match of source.matchAll(pattern)) {
      appendLines(out, source.slice(last, match.index));
      out.append(link(match[1], match[2]));
      last = match.index + match[0].length;
    }
    appendLines(out, source.slice(last));
    return out;
  }

  function appendLines(parent, text) {
    text.split('\n').forEach((line, i) => {
      if (i > 0) parent.append(el('br'));
      if (line) parent.append(line);
    });
  }

  // textcard descriptions: <div class="gray|normal|highlight"> and <br> only.
  function textCardDescription(source) {
    const root = el('div', { class: 'sub' });
    const stack = [root];
    const pattern = /<div\s+class=["'](gray|normal|highlight)["']\s*>|<\/div>|<br\s*\/?>/gi;
    let last = 0;
    for (const match of source.matchAll(pattern)) {
      stack[stack.length - 1].append(source.slice(last, match.index));
      const tag = match[0].toLowerCase();
      if (tag.startsWith('<br')) stack[stack.length - 1].append(el('br'));
      else if (tag === '</div>') { if (stack.length > 1) stack.pop(); }
      else { const div = el('div', { class: match[1].toLowerCase() }); stack[stack.length - 1].append(div); stack.push(div); }
      last = match.index + match[0].length;
    }
    stack[stack.length - 1].append(source.slice(last));
    return root;
  }

  // WeCom's markdown subset: headings, quotes, **bold**, [links](url), `code`, <font color="info|comment|warning">.
  function markdown(source) {
    const root = el('div', { class: 'markdown' });
    for (const line of source.split('\n')) {
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      const quote = /^>\s?(.*)$/.exec(line);
      if (heading) root.append(el(`h${Math.min(heading[1].length, 3)}`, {}, inline(heading[2])));
      else if (quote) root.append(el('blockquote', {}, inline(quote[1])));
      else root.append(el('div', {}, line ? inline(line) : el('br')));
    }
    return root;
  }

  function inline(source) {
    const out = document.createDocumentFragment();
    const pattern = /\*\*([^*]+)\*\*|\[([^\]]+)\]\((\S+?)\)|`([^`]+)`|<font\s+color=["'](info|comment|warning)["']\s*>([\s\S]*?)<\/font>/gi;
    let last = 0;
    for (const m of source.matchAll(pattern)) {
      out.append(source.slice(last, m.index));
      if (m[1] !== undefined) out.append(el('b', {}, inline(m[1])));
      else if (m[2] !== undefined) out.append(link(m[3], m[2]));
      else if (m[4] !== undefined) out.append(el('code', { text: m[4] }));
      else out.append(el('span', { class: m[5].toLowerCase() }, inline(m[6])));
      last = m.index + m[0].length;
    }
    out.append(source.slice(last));
    return out;
  }

  function textCard(content) {
    return el('article', { class: 'card textcard' },
      el('div', { class: 'body' },
        el('div', { class: 'title', text: content.title || '' }),
        textCardDescription(content.description || '')),
      el('div', { class: 'footer' }, link(content.url, content.btntxt || t('details'), { 'data-action': 'textcard' })));
  }

  function templateCard(view) {
    const card = view.current;
    const body = el('div', { class: 'body' });
    if (card.source) {
      body.append(el('div', { class: `source c${card.source.desc_color || 0}` },
        isHttp(card.source.icon_url) ? el('img', { src: card.source.icon_url, alt: '' }) : null,
        card.source.desc || ''));
    }
    if (card.main_title) {
      if (card.main_title.title) body.append(el('div', { class: 'title', text: card.main_title.title }));
      if (card.main_title.desc) body.append(el('div', { class: 'desc', text: card.main_title.desc }));
    }
    if (card.emphasis_content) {
      body.append(el('div', { class: 'emphasis' },
        el('div', { class: 'big', text: card.emphasis_content.title || '' }),
        el('div', { class: 'desc', text: card.emphasis_content.desc || '' })));
    }
    if (card.quote_area && (card.quote_area.title || card.quote_area.quote_text)) {
      body.append(el('div', { class: 'quote' },
        card.quote_area.title ? el('div', { text: card.quote_area.title }) : null,
        card.quote_area.quote_text || ''));
    }
    if (card.image_text_area) {
      body.append(el('div', { class: 'quote' }, el('div', { text: card.image_text_area.title || '' }), card.image_text_area.desc || ''));
    }
    if (card.card_image && isHttp(card.card_image.url)) {
      body.append(el('img', { src: card.card_image.url, alt: '', style: 'width:100%;border-radius:4px;margin-top:8px' }));
    }
    for (const item of card.vertical_content_list || []) {
      body.append(el('div', { class: 'sub' }, el('b', { text: item.title || '' }), el('div', { class: 'desc', text: item.desc || '' })));
    }
    if (card.sub_title_text) body.append(el('div', { class: 'sub', text: card.sub_title_text }));
    const rows = card.horizontal_content_list || [];
    if (rows.length) {
      body.append(el('dl', {}, rows.flatMap(row => [
        el('dt', { text: row.keyname || '' }),
        el('dd', {}, row.type === 1 ? link(row.url, row.value || row.url) : (row.value || row.userid || '')),
      ])));
    }
    if ((card.jump_list || []).length) {
      body.append(el('div', { class: 'jumps' }, card.jump_list.map(jump => link(jump.url, jump.title || jump.url, { 'data-action': 'jump' }))));
    }

    const article = el('article', {
      class: `card ${card.card_type}`, 'data-task-id': view.taskId, 'data-state': view.state, 'data-card-type': view.cardType,
    }, body);
    const buttons = buttonRow(card, view);
    if (buttons) article.append(buttons);
    if (card.card_action && card.card_action.type === 1) {
      article.append(el('div', { class: 'footer' }, link(card.card_action.url, t('viewDetails'), { 'data-action': 'card' })));
    }
    return article;
  }

  function buttonRow(card, view) {
    if (view.replaceText) {
      return el('div', { class: 'buttons' }, el('button', { type: 'button', class: 'replaced', disabled: true, 'data-replaced': true, text: view.replaceText }));
    }
    if (card.card_type === 'button_interaction') {
      return el('div', { class: 'buttons' }, (card.button_list || []).map(button => button.type === 1
        ? el('button', { type: 'button', class: `s${button.style || 1}`, 'data-url': button.url, text: button.text })
        : el('button', { type: 'button', class: `s${button.style || 1}`, 'data-key': button.key, text: button.text })));
    }
    if (card.card_type === 'vote_interaction' || card.card_type === 'multiple_interaction') {
      return el('div', { class: 'buttons' }, el('button', { type: 'button', disabled: true, title: t('voteUnsupported'), text: (card.submit_button && card.submit_button.text) || '提交' }));
    }
    return null;
  }

  function messageContent(message) {
    switch (message.type) {
      case 'text': return el('div', { class: 'bubble', 'data-type': 'text' }, richText(message.content.content || ''));
      case 'markdown': return el('div', { class: 'bubble', 'data-type': 'markdown' }, markdown(message.content.content || ''));
      case 'textcard': return textCard(message.content);
      case 'template_card': return message.card ? templateCard(message.card) : el('div', { class: 'bubble', text: '[template_card]' });
      default: return el('div', { class: 'bubble', text: `[${message.type}]` });
    }
  }

  const timeFormat = () => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN',
    { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

  function renderMessages(phone, messages) {
    const list = phone.messages;
    const atBottom = phone.version < 0 || list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.replaceChildren();
    if (!messages.length) list.append(el('div', { class: 'none', text: t('noMessages') }));
    const format = timeFormat();
    let previous = 0;
    for (const message of messages) {
      const at = Date.parse(message.receivedAt);
      if (at - previous > 5 * 60 * 1000) list.append(el('div', { class: 'time', text: format.format(at) }));
      previous = at;
      list.append(el('div', { class: 'msg', 'data-msg-id': message.msgId, 'data-type': message.type },
        el('div', { class: 'avatar', text: '库' }), messageContent(message)));
    }
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  function phoneFor(user) {
    let phone = phones.get(user.userId);
    if (!phone) {
      const who = el('div', { class: 'who' });
      const messages = el('div', { class: 'messages' });
      const root = el('section', { class: 'phone', 'data-user': user.userId },
        el('div', { class: 'status' }, el('span', { text: '企业微信' }), el('span', { text: '5G ▮▮▮▮' })),
        el('div', { class: 'head' }, el('div', { class: 'app', 'data-i18n': 'app', text: t('app') }), who),
        messages);
      phone = { root, who, messages, version: -1 };
      phones.set(user.userId, phone);
    }
    const name = user.username && user.username !== user.userId ? `${user.username} · ${user.userId}` : user.userId;
    phone.who.replaceChildren(name, user.dropped ? el('span', { class: 'dropped', text: ` · ${user.dropped} ${t('dropped')}` }) : '');
    return phone;
  }

  async function refreshPhone(user) {
    const phone = phoneFor(user);
    if (phone.version === user.version) return;
    const messages = await getJson(`/api/users/${encodeURIComponent(user.userId)}/messages`);
    renderMessages(phone, messages);
    phone.version = user.version;
  }

  function renderStats(stats) {
    const item = (key, value, warn) => el('span', { class: warn && value ? 'warn' : '' }, `${t(key)} `, el('b', { text: String(value) }));
    $('stats').replaceChildren(
      item('gettoken', stats.gettokenCalls), item('sends', stats.sendCalls), item('delivered', stats.delivered),
      item('duplicates', stats.duplicatesSuppressed), item('droppedStat', stats.droppedOverRateLimit, true),
      item('updates', stats.updatesApplied), item('clicks', stats.clicks), item('errors', stats.errors, true));
  }

  function renderPicker(users) {
    const picker = $('user-picker');
    const wanted = ['', ...users.map(u => u.userId)];
    if (selected && !wanted.some(id => id.toLowerCase() === selected.toLowerCase())) wanted.push(selected);
    const current = [...picker.options].map(o => o.value);
    if (current.join('\n') !== wanted.join('\n')) {
      picker.replaceChildren(el('option', { value: '', 'data-i18n': 'allMembers', text: t('allMembers') }),
        ...wanted.slice(1).map(id => {
          const user = users.find(u => u.userId === id);
          return el('option', { value: id, text: user && user.username !== id ? `${user.username}（${id}）` : id });
        }));
    }
    picker.value = wanted.find(id => id.toLowerCase() === selected.toLowerCase()) ?? '';
  }

  function renderPhones(users) {
    const visible = selected
      ? users.filter(u => u.userId.toLowerCase() === selected.toLowerCase())
      : users;
    const shown = visible.length || !selected ? visible : [{ userId: selected, username: selected, version: 0, dropped: 0 }];
    const container = $('phones');
    container.replaceChildren(...shown.map(u => phoneFor(u).root));
    $('empty').hidden = shown.length > 0;
    return shown;
  }

  let polling = false;
  async function poll() {
    if (polling) return;
    polling = true;
    try {
      const [users, stats, outage] = await Promise.all([getJson('/api/users'), getJson('/api/stats'), getJson('/control/outage')]);
      renderStats(stats);
      if (document.activeElement !== $('outage-picker')) $('outage-picker').value = outage.mode;
      renderPicker(users);
      await Promise.all(renderPhones(users).map(refreshPhone));
    } catch (error) {
      $('stats').replaceChildren(el('span', { class: 'warn' }, el('b', { text: t('offline') }), ` (${error.message})`));
    } finally {
      polling = false;
    }
  }

  let toastTimer = 0;
  function toast(message, isError) {
    const box = $('toast');
    box.textContent = message;
    box.className = isError ? 'toast error' : 'toast';
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, 4000);
  }

  async function click(button) {
    const card = button.closest('[data-task-id]');
    const phone = button.closest('[data-user]');
    const label = button.textContent;
    card.querySelectorAll('button').forEach(b => { b.disabled = true; });
    button.setAttribute('aria-busy', 'true');
    try {
      const result = await postJson(`/api/users/${encodeURIComponent(phone.dataset.user)}/click`, { taskId: card.dataset.taskId, key: button.dataset.key });
      if (!result.ok) toast(t('clickFailed')(label, (result.body && result.body.detail) || `HTTP ${result.status}`), true);
      else if (result.body.callbackStatus === 0) toast(t('clickFailed')(label, result.body.error || t('noAnswer')), true);
      else toast(t('clicked')(label, result.body.callbackStatus), result.body.callbackStatus >= 300);
    } catch (error) {
      toast(t('clickFailed')(label, error.message), true);
    } finally {
      const entry = phones.get(phone.dataset.user);
      if (entry) entry.version = -2; // redraw on the next poll, whatever the answer
      poll();
    }
  }

  function applyLanguage() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = `${t('title')} · StoreStock`;
    document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
    $('lang').textContent = t('language');
    phones.forEach(phone => { phone.version = -1; });
  }

  $('phones').addEventListener('click', event => {
    const button = event.target.closest('button');
    if (!button || button.disabled) return;
    if (button.dataset.key !== undefined) click(button);
    else if (isHttp(button.dataset.url)) window.open(button.dataset.url, '_blank', 'noopener');
  });
  $('user-picker').addEventListener('change', event => {
    selected = event.target.value;
    const url = new URL(location.href);
    if (selected) url.searchParams.set('user', selected); else url.searchParams.delete('user');
    history.replaceState(null, '', url);
    poll();
  });
  $('outage-picker').addEventListener('change', async event => {
    await postJson('/control/outage', { mode: event.target.value });
    event.target.blur();
    poll();
  });
  $('reset').addEventListener('click', async () => {
    if (!confirm(t('confirmReset'))) return;
    await postJson('/control/reset');
    phones.clear();
    poll();
  });
  $('lang').addEventListener('click', () => {
    lang = lang === 'en' ? 'zh' : 'en';
    localStorage.setItem('wecom-sim-lang', lang);
    applyLanguage();
    poll();
  });

  applyLanguage();
  poll();
  setInterval(poll, 1000);
})();
