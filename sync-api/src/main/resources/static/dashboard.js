// Setsync dashboard: plain browser JavaScript, no build step, no dependencies.
// Everything that comes from a response is rendered with textContent, never as HTML.
(function () {
  'use strict';

  var TOKEN_KEY = 'setsync.dashboard.token';
  var HISTORY_KEY = 'setsync.dashboard.syncs';
  var HISTORY_MAX = 50;
  var POLL_MS = 1000;
  var TERMINAL = { completed: true, failed: true };
  var UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

  function $(id) {
    return document.getElementById(id);
  }

  // Builds an element; children are nodes or strings (strings become text nodes).
  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) {
        return;
      }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function text(value) {
    return value === null || value === undefined || value === '' ? '—' : String(value);
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function show(node, children) {
    clear(node);
    children.forEach(function (child) {
      if (child) {
        node.appendChild(child);
      }
    });
  }

  // A definition list of [label, value-or-node] rows.
  function fields(rows) {
    var dl = el('dl', 'fields-view');
    rows.forEach(function (row) {
      dl.appendChild(el('dt', null, [row[0]]));
      var value = row[1];
      dl.appendChild(
        el('dd', null, [value instanceof Node ? value : text(value)]));
    });
    return dl;
  }

  function time(value) {
    if (!value) {
      return text(value);
    }
    var date = new Date(value);
    if (isNaN(date.getTime())) {
      return text(value);
    }
    var node = el('time', null, [date.toLocaleString()]);
    node.dateTime = String(value);
    node.title = String(value);
    return node;
  }

  function badge(status) {
    return el('span', 'badge badge-' + String(status).replace(/[^a-z]/gi, ''), [text(status)]);
  }

  // ---- token ---------------------------------------------------------------------------------

  function storedToken() {
    try {
      return sessionStorage.getItem(TOKEN_KEY) || '';
    } catch (e) {
      return '';
    }
  }

  // Accepts the token as printed ("export SETSYNC_TOKEN=…") or with a "Bearer " prefix.
  function normalizeToken(raw) {
    return String(raw || '')
      .trim()
      .replace(/^export\s+/, '')
      .replace(/^SETSYNC_TOKEN=/, '')
      .replace(/^["']|["']$/g, '')
      .replace(/^Bearer\s+/i, '')
      .trim();
  }

  function claims(token) {
    try {
      var part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      while (part.length % 4) {
        part += '=';
      }
      return JSON.parse(atob(part));
    } catch (e) {
      return null;
    }
  }

  function renderToken() {
    var token = storedToken();
    var info = $('token-info');
    info.className = 'hint';
    if (!token) {
      info.textContent = 'No token: API calls will answer 401.';
      return;
    }
    var c = claims(token);
    if (!c) {
      info.className = 'hint warn';
      info.textContent = 'Token set, but it does not look like a JWT.';
      return;
    }
    var parts = ['Token set: subject ' + text(c.sub), 'scopes ' + text(c.scope)];
    if (typeof c.exp === 'number') {
      var expires = new Date(c.exp * 1000);
      if (expires.getTime() < Date.now()) {
        info.className = 'hint warn';
        parts.push('EXPIRED ' + expires.toLocaleString());
      } else {
        parts.push('expires ' + expires.toLocaleString());
      }
    }
    info.textContent = parts.join(', ') + '.';
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  // Calls this API (relative URL, so the token never leaves this origin). Resolves to
  // {status, ok, body, retryAfter} or {status: 0, networkError} when the request failed.
  function api(method, path, body) {
    var headers = { Accept: 'application/json, application/problem+json' };
    var token = storedToken();
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    var init = { method: method, headers: headers, credentials: 'omit', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(
      function (response) {
        var type = response.headers.get('Content-Type') || '';
        var read = /json/.test(type)
          ? response.json().catch(function () {
            return null;
          })
          : response.text().then(function () {
            return null;
          });
        return read.then(function (json) {
          return {
            status: response.status,
            ok: response.ok,
            body: json,
            retryAfter: Number(response.headers.get('Retry-After')) || 0
          };
        });
      },
      function (error) {
        return { status: 0, ok: false, body: null, networkError: String(error) };
      });
  }

  function hintFor(status) {
    if (status === 401) {
      return 'Paste the dev token that ./setsync up prints into the Token field.';
    }
    if (status === 403) {
      return 'The token lacks the scope this call needs.';
    }
    if (status === 429) {
      return 'Over the rate limit: wait and retry.';
    }
    return null;
  }

  // Renders an error answer: the problem+json title and detail, field errors, the type.
  function problem(answer) {
    if (answer.status === 0) {
      return el('div', 'problem', [
        el('strong', null, ['The API did not answer']),
        el('p', null, [text(answer.networkError)])
      ]);
    }
    var p = answer.body || {};
    var box = el('div', 'problem', [
      el('strong', null, [answer.status + ' ' + text(p.title || 'Error')]),
      p.detail ? el('p', null, [String(p.detail)]) : null
    ]);
    if (Array.isArray(p.errors) && p.errors.length) {
      var list = el('ul');
      p.errors.forEach(function (error) {
        var field = error && error.field ? error.field + ': ' : '';
        list.appendChild(el('li', null, [field + text(error && error.message)]));
      });
      box.appendChild(list);
    }
    var hint = hintFor(answer.status);
    if (hint) {
      box.appendChild(el('p', 'hint', [hint]));
    }
    if (p.type) {
      box.appendChild(el('p', 'hint', [el('code', null, [String(p.type)])]));
    }
    return box;
  }

  function busy(node, message) {
    show(node, [el('p', 'hint', [message])]);
  }

  // ---- session history -----------------------------------------------------------------------

  function sessionSyncs() {
    try {
      var list = JSON.parse(sessionStorage.getItem(HISTORY_KEY) || '[]');
      return Array.isArray(list) ? list : [];
    } catch (e) {
      return [];
    }
  }

  function remember(accepted) {
    var list = sessionSyncs().filter(function (item) {
      return item.syncId !== accepted.syncId;
    });
    list.unshift({
      syncId: String(accepted.syncId),
      entityType: String(accepted.entityType || ''),
      entityId: String(accepted.entityId || ''),
      coalesced: !!accepted.coalesced,
      at: new Date().toISOString()
    });
    try {
      sessionStorage.setItem(HISTORY_KEY, JSON.stringify(list.slice(0, HISTORY_MAX)));
    } catch (e) {
      // storage full or disabled: the list is a convenience only
    }
    renderHistory();
  }

  function renderHistory() {
    var list = sessionSyncs();
    var ol = $('history');
    clear(ol);
    $('history-empty').hidden = list.length > 0;
    list.forEach(function (item) {
      var label = text(item.entityType) + ' ' + text(item.entityId) +
        (item.coalesced ? ' (coalesced)' : '');
      ol.appendChild(el('li', null, [
        jobButton(item.syncId),
        el('span', 'muted', [' ' + label + ' · ' + new Date(item.at).toLocaleTimeString()])
      ]));
    });
  }

  function jobButton(syncId) {
    var button = el('button', 'link mono', [String(syncId)]);
    button.type = 'button';
    button.addEventListener('click', function () {
      watchJob(String(syncId));
    });
    return button;
  }

  // ---- sync request --------------------------------------------------------------------------

  function requestBody() {
    var body = { entityType: $('sync-entity-type').value };
    [['spotifyId', 'sync-spotify-id'], ['ticketmasterId', 'sync-ticketmaster-id'],
      ['entityId', 'sync-entity-id']].forEach(function (pair) {
      var value = $(pair[1]).value.trim();
      if (value) {
        body[pair[0]] = value;
      }
    });
    body.options = {
      skipDependencies: $('sync-skip-dependencies').checked,
      forceRefresh: $('sync-force-refresh').checked
    };
    return body;
  }

  function submitSync(event) {
    event.preventDefault();
    var out = $('sync-result');
    var button = $('sync-submit');
    button.disabled = true;
    busy(out, 'Sending…');
    api('POST', 'api/v1/syncs', requestBody()).then(function (answer) {
      button.disabled = false;
      if (answer.status !== 202 || !answer.body || !answer.body.syncId) {
        show(out, [problem(answer)]);
        return;
      }
      var a = answer.body;
      show(out, [
        el('div', 'accepted', [
          el('strong', null, ['202 Accepted' + (a.coalesced ? ': joined a queued or running job' : '')]),
          fields([
            ['syncId', jobButton(a.syncId)],
            ['status', badge(a.status)],
            ['entityType', a.entityType],
            ['entityId', el('span', 'mono', [text(a.entityId)])],
            ['coalesced', String(!!a.coalesced)]
          ])
        ])
      ]);
      remember(a);
      watchJob(String(a.syncId));
    });
  }

  // ---- job view ------------------------------------------------------------------------------

  var watch = { generation: 0, timer: null };

  function stopWatching() {
    watch.generation++;
    if (watch.timer) {
      clearTimeout(watch.timer);
      watch.timer = null;
    }
  }

  function watchJob(syncId) {
    stopWatching();
    var out = $('job-result');
    $('job-id').value = syncId;
    if (!UUID.test(syncId)) {
      show(out, [el('div', 'problem', [el('strong', null, ['Not a syncId']),
        el('p', null, ['A syncId is a UUID.'])])]);
      return;
    }
    if (location.hash !== '#sync=' + syncId) {
      window.history.replaceState(null, '', '#sync=' + syncId);
    }
    var generation = watch.generation;
    busy(out, 'Loading ' + syncId + '…');
    poll(syncId, generation);
  }

  function poll(syncId, generation) {
    api('GET', 'api/v1/syncs/' + encodeURIComponent(syncId)).then(function (answer) {
      if (generation !== watch.generation) {
        return;
      }
      var out = $('job-result');
      var again = null;
      if (answer.ok && answer.body) {
        show(out, [renderJob(answer.body)]);
        if (!TERMINAL[answer.body.status]) {
          again = POLL_MS;
        }
      } else {
        show(out, [problem(answer)]);
        if (answer.status === 0 || answer.status === 429 || answer.status === 503) {
          again = Math.max(POLL_MS, answer.retryAfter * 1000);
          out.appendChild(el('p', 'hint', ['Retrying…']));
        }
      }
      if (again !== null) {
        watch.timer = setTimeout(function () {
          poll(syncId, generation);
        }, again);
      }
    });
  }

  function duration(from, to) {
    if (!from || !to) {
      return null;
    }
    var ms = new Date(to).getTime() - new Date(from).getTime();
    return isNaN(ms) ? null : (ms / 1000).toFixed(ms < 10000 ? 2 : 0) + ' s';
  }

  function lineageLink(syncId, self) {
    if (!syncId) {
      return text(syncId);
    }
    return String(syncId) === String(self) ? el('span', 'mono', [String(syncId) + ' (this job)'])
      : jobButton(syncId);
  }

  function progress(children) {
    var c = children || {};
    var total = Number(c.total) || 0;
    var completed = Number(c.completed) || 0;
    var failed = Number(c.failed) || 0;
    var pending = Number(c.pending) || 0;
    var bar = el('div', 'bar');
    bar.setAttribute('role', 'img');
    var done = el('span', 'bar-completed');
    var bad = el('span', 'bar-failed');
    // Widths through the CSSOM: allowed by the page's Content-Security-Policy.
    done.style.width = total ? (100 * completed / total) + '%' : '0';
    bad.style.width = total ? (100 * failed / total) + '%' : '0';
    bar.appendChild(done);
    bar.appendChild(bad);
    var label = total + ' total · ' + completed + ' completed · ' + failed + ' failed · ' +
      pending + ' pending';
    bar.setAttribute('aria-label', label);
    return el('div', 'children', [bar, el('span', 'hint', [label])]);
  }

  function renderJob(job) {
    var error = job.error
      ? el('span', 'error-text', [text(job.error.code) + ': ' + text(job.error.message)])
      : null;
    var polling = TERMINAL[job.status] ? 'final' : 'refreshing every second';
    return el('div', 'job', [
      el('div', 'job-head', [badge(job.status), ' ', el('span', 'hint', [polling])]),
      fields([
        ['syncId', el('span', 'mono', [text(job.syncId)])],
        ['entity', text(job.entityType) + ' ' + text(job.entityId)],
        ['reason', job.reason],
        ['requestedAt', time(job.requestedAt)],
        ['startedAt', time(job.startedAt)],
        ['finishedAt', time(job.finishedAt)],
        ['duration', duration(job.startedAt, job.finishedAt)],
        ['attempts', job.attempts],
        ['error', error],
        ['parentSyncId', lineageLink(job.parentSyncId, job.syncId)],
        ['rootSyncId', lineageLink(job.rootSyncId, job.syncId)],
        ['children', progress(job.children)]
      ])
    ]);
  }

  function submitJob(event) {
    event.preventDefault();
    watchJob($('job-id').value.trim());
  }

  // ---- entity status -------------------------------------------------------------------------

  function submitStatus(event) {
    event.preventDefault();
    var out = $('status-result');
    var kind = $('status-kind').value;
    var id = $('status-id').value.trim();
    if (['artists', 'shows', 'venues'].indexOf(kind) < 0 || !UUID.test(id)) {
      show(out, [el('div', 'problem', [el('strong', null, ['Not an entity id']),
        el('p', null, ['An entity id is a UUID.'])])]);
      return;
    }
    busy(out, 'Loading…');
    api('GET', 'api/v1/' + kind + '/' + encodeURIComponent(id) + '/sync-status')
      .then(function (answer) {
        if (!answer.ok || !answer.body) {
          show(out, [problem(answer)]);
          return;
        }
        var s = answer.body;
        show(out, [fields([
          ['entityId', el('span', 'mono', [text(s.entityId)])],
          ['syncStatus', s.syncStatus ? badge(s.syncStatus) : 'never synced'],
          ['lastSync', time(s.lastSync)],
          ['lastSyncError', s.lastSyncError ? el('span', 'error-text', [String(s.lastSyncError)])
            : null]
        ])]);
      });
  }

  // ---- start ---------------------------------------------------------------------------------

  function start() {
    $('token').value = storedToken();
    renderToken();
    $('token-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var token = normalizeToken($('token').value);
      $('token').value = token;
      try {
        if (token) {
          sessionStorage.setItem(TOKEN_KEY, token);
        } else {
          sessionStorage.removeItem(TOKEN_KEY);
        }
      } catch (e) {
        $('token-info').textContent = 'This browser refuses session storage.';
        return;
      }
      renderToken();
    });
    $('token-clear').addEventListener('click', function () {
      try {
        sessionStorage.removeItem(TOKEN_KEY);
      } catch (e) {
        // nothing stored
      }
      $('token').value = '';
      renderToken();
    });
    $('sync-form').addEventListener('submit', submitSync);
    $('job-form').addEventListener('submit', submitJob);
    $('status-form').addEventListener('submit', submitStatus);
    renderHistory();
    var match = /^#sync=([0-9a-fA-F-]{36})$/.exec(location.hash);
    if (match) {
      watchJob(match[1]);
    }
    document.documentElement.setAttribute('data-ready', 'true');
  }

  start();
}());
