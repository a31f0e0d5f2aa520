// Steady therapist dashboard: a static page that reads the caseload through the front door (or analytics-service).
(function () {
  const $ = (id) => document.getElementById(id);
  // A token typed into the sign-in form (on analytics-service's own origin) lives in this page's memory only: never
  // in the address or the browser's storage. Through the front door there is none: the gateway's session signs in.
  let typedToken = null;

  // Through the front door the gateway's session signs the calls in (X-Steady-App; the browser holds no token);
  // a token typed in is sent as the bearer token instead (on the analytics origin itself).
  async function api(path, options) {
    const headers = typedToken ? { Authorization: 'Bearer ' + typedToken } : { 'X-Steady-App': '1' };
    const response = await fetch(path, Object.assign({ headers, credentials: 'same-origin' }, options || {}));
    if (response.status === 401) { showSignIn(); throw new Error('Signed out'); }
    if (!response.ok) { throw new Error(path + ' answered ' + response.status); }
    return response.json();
  }

  async function gatewaySession() {
    const response = await fetch('/app/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return response.ok ? response.json() : null;
  }

  // Through the front door: the provider's sign-in, and on a local run the demo therapists with one click (the
  // gateway offers them only where demo sign-in is on).
  async function offerDemoSignIn() {
    const list = $('demo-sign-in');
    list.replaceChildren();
    try {
      // The provider's sign-in where the gateway has one (it brings a therapist back to this page).
      const offered = await fetch('/app/providers', { credentials: 'same-origin' });
      (offered.ok ? await offered.json() : []).forEach((p) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = p.url; link.className = 'button'; link.textContent = 'Sign in with ' + p.name;
        item.appendChild(link);
        list.appendChild(item);
      });
    } catch (e) {
      // Not behind the gateway.
    }
    try {
      const response = await fetch('/app/demo-users', { credentials: 'same-origin' });
      const users = response.ok ? await response.json() : [];
      users.filter((u) => u.role === 'THERAPIST').forEach((u) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button'; button.dataset.user = u.user; button.textContent = 'Sign in as ' + u.user;
        button.addEventListener('click', async () => {
          const signedIn = await fetch('/app/session', { method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: u.user }) });
          if (signedIn.ok) {
            typedToken = null;
            loadCaseload().catch((e) => { $('caseload-status').textContent = e.message; });
          }
        });
        item.appendChild(button);
        list.appendChild(item);
      });
    } catch (e) {
      // Not behind the gateway: the token form is the way in.
    }
  }

  function show(section) {
    ['sign-in', 'caseload', 'client'].forEach((id) => { $(id).hidden = id !== section; });
  }

  function showSignIn() { show('sign-in'); offerDemoSignIn(); $('token').focus(); }

  function text(value, fallback) { return value === null || value === undefined ? (fallback || '—') : String(value); }
  function percent(rate) { return rate === null || rate === undefined ? '—' : Math.round(rate * 100) + '%'; }
  function label(status) { return status.replace('_', ' ').toLowerCase(); }

  function sparkline(container, points) {
    if (!points || points.length < 2) { container.textContent = 'not enough entries'; return; }
    const xs = points.map((p) => Date.parse(p.day) / 1000);
    const ys = points.map((p) => p.mood);
    new uPlot({ width: 160, height: 40, legend: { show: false }, cursor: { show: false },
      axes: [{ show: false }, { show: false }], scales: { y: { range: [0, 10] } },
      series: [{}, { stroke: '#1d4f91', width: 2 }] }, [xs, ys], container);
  }

  async function loadCaseload() {
    show('caseload');
    $('caseload-status').textContent = 'Loading…';
    const clients = await api('/therapists/me/caseload');
    const rows = $('caseload-rows');
    rows.replaceChildren();
    clients.forEach((c) => {
      const row = document.createElement('tr');
      row.dataset.client = c.clientId;
      const name = document.createElement('td');
      const open = document.createElement('button');
      open.type = 'button'; open.className = 'link'; open.textContent = c.clientId;
      open.addEventListener('click', () => loadClient(c.clientId));
      name.appendChild(open);
      const status = document.createElement('td');
      status.className = 'status ' + c.status; status.textContent = label(c.status);
      const flags = document.createElement('td'); flags.textContent = c.openFlags + (c.highPriorityFlag ? ' (high)' : '');
      const adherence = document.createElement('td'); adherence.textContent = percent(c.adherence.last28Days);
      const mood = document.createElement('td'); const spark = document.createElement('div'); mood.appendChild(spark);
      const scores = document.createElement('td');
      scores.textContent = c.outcomes.map((o) => o.measure + ' ' + o.latest + ' (' + o.latestBand.toLowerCase() + ')').join(', ') || '—';
      row.append(name, status, flags, adherence, mood, scores);
      rows.appendChild(row);
      sparkline(spark, c.mood.daily);
    });
    $('caseload-status').textContent = clients.length + ' clients';
  }

  async function loadClient(clientId) {
    show('client');
    const [summary, flags, progress] = await Promise.all([api('/clients/' + clientId + '/summary'),
      api('/clients/' + clientId + '/flags'), api('/clients/' + clientId + '/progress')]);
    $('client-title').textContent = clientId;
    $('client-status').className = 'status ' + summary.status;
    $('client-status').textContent = label(summary.status);
    $('client-because').replaceChildren(...summary.because.map((b) => { const li = document.createElement('li'); li.textContent = b; return li; }));
    const a = summary.adherence;
    $('adherence').innerHTML = '';
    [['Last 7 days', percent(a.last7Days)], ['Last 28 days', percent(a.last28Days)], ['On time', percent(a.onTimeRate)],
     ['Current streak', a.currentStreakDays + ' days'], ['Best streak', a.bestStreakDays + ' days'],
     ['Helpfulness (client, 1-5)', text(a.averageHelpfulness && a.averageHelpfulness.toFixed(1))],
     ['Quality (your rating, 1-5)', text(a.averageTherapistQuality && a.averageTherapistQuality.toFixed(1))],
     ['Last week against the 3 before', a.trendAgainstEarlierWeeks === null ? '—'
       : (a.trendAgainstEarlierWeeks >= 0 ? '+' : '') + Math.round(a.trendAgainstEarlierWeeks * 100) + ' points']].forEach(([k, v]) => {
      const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = v;
      $('adherence').append(dt, dd);
    });
    const adherenceChart = $('adherence-chart'); adherenceChart.replaceChildren();
    if (summary.weeklyAdherence.length > 0) {
      new uPlot({ width: 360, height: 140, scales: { y: { range: [0, 1] } },
        series: [{}, { label: 'Done per week', stroke: '#1b6b2f', width: 2, points: { show: true } }] },
        [summary.weeklyAdherence.map((w) => Date.parse(w.weekStarting) / 1000), summary.weeklyAdherence.map((w) => w.completed)],
        adherenceChart);
    }
    const g = progress.goals;
    $('goals').innerHTML = '';
    [['Active', g.active], ['Achieved', g.achieved], ['Discontinued', g.discontinued],
     ['GAS T-score (50 = as expected)', text(g.attainmentTScore)]].forEach(([k, v]) => {
      const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = v;
      $('goals').append(dt, dd);
    });
    loadSharedWork(clientId);
    const moodChart = $('mood-chart'); moodChart.replaceChildren();
    if (summary.mood.daily.length > 1) {
      new uPlot({ width: 360, height: 200, scales: { y: { range: [0, 10] } },
        series: [{}, { label: 'Mood', stroke: '#1d4f91', width: 2 }] },
        [summary.mood.daily.map((p) => Date.parse(p.day) / 1000), summary.mood.daily.map((p) => p.mood)], moodChart);
    }
    $('mood-text').textContent = 'Last 7 days ' + text(summary.mood.last7DayMean) + ', baseline ' + text(summary.mood.baselineMean)
      + (summary.mood.earlyWarningContext ? ' — early-warning context (low confidence): variance trend τ '
      + summary.mood.earlyWarningContext.varianceTrendTau.toFixed(2) : '');
    const scoresChart = $('scores-chart'); scoresChart.replaceChildren();
    // Lower bounds of the severity bands (shared/CLINICAL.md), drawn as dashed lines behind the scores.
    const BANDS = { 'PHQ-9': [5, 10, 15, 20], 'GAD-7': [5, 10, 15] };
    summary.outcomes.forEach((o) => {
      if (o.trajectory.length > 0) {
        const xs = o.trajectory.map((p) => Date.parse(p.at) / 1000);
        const bands = (BANDS[o.measure] || []);
        new uPlot({ width: 360, height: 160, scales: { y: { range: [0, o.measure === 'PHQ-9' ? 27 : 21] } },
          series: [{}, { label: o.measure, stroke: '#a4161a', width: 2, points: { show: true } }]
            .concat(bands.map((b) => ({ label: 'band ' + b, stroke: '#9a9a9a', dash: [4, 4], width: 1 }))) },
          [xs, o.trajectory.map((p) => p.total)].concat(bands.map((b) => xs.map(() => b))), scoresChart);
      }
    });
    $('scores').replaceChildren(...summary.outcomes.map((o) => {
      const li = document.createElement('li');
      li.textContent = o.measure + ': ' + o.baseline + ' → ' + o.latest + ' (' + o.latestBand.toLowerCase() + '), '
        + (o.outcome || '').toLowerCase().replaceAll('_', ' ');
      return li;
    }));
    $('flags').replaceChildren(...flags.map((f) => {
      const li = document.createElement('li');
      li.textContent = f.priority.toLowerCase() + ' — ' + f.kind.toLowerCase().replaceAll('_', ' ') + ': ' + f.evidence.join('; ') + ' ';
      if (f.open) {
        const ack = document.createElement('button');
        ack.type = 'button'; ack.textContent = 'Acknowledge'; ack.dataset.flag = f.id;
        ack.addEventListener('click', async () => {
          await api('/clients/' + clientId + '/flags/' + f.id + '/acknowledgement', { method: 'POST' });
          loadClient(clientId);
        });
        li.appendChild(ack);
      } else {
        li.append('acknowledged by ' + f.acknowledgedBy);
      }
      return li;
    }));
    $('client-title').focus();
  }

  // Goals and shared journal entries live in goals-service and homework-service: the front door routes these calls
  // there. On analytics-service's own origin they are not served, and the page says so.
  function loadSharedWork(clientId) {
    const item = (text) => { const li = document.createElement('li'); li.textContent = text; return li; };
    const elsewhere = 'Shown when the dashboard is opened through the front door.';
    api('/clients/' + clientId + '/goals').then((goals) => {
      $('goal-list').replaceChildren(...(goals.length ? goals.map((g) => item(g.content.title + ': ' + label(g.status)
        + (g.status === 'PROPOSED' ? (g.agreedByTherapist ? ' (you agreed)' : ' (waiting for you)') : '')))
        : [item('No goals yet.')]));
    }).catch(() => { $('goal-list').replaceChildren(item(elsewhere)); });
    api('/clients/' + clientId + '/journal?size=10').then((page) => {
      $('shared-entries').replaceChildren(...(page.items.length ? page.items.map((e) =>
        item(new Date(e.recordedAt).toLocaleString() + ': ' + (e.unreadable ? '(erased)' : e.text)))
        : [item('The client has shared no journal entry.')]));
    }).catch(() => { $('shared-entries').replaceChildren(item(elsewhere)); });
  }

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    typedToken = $('token').value.trim();
    $('token').value = '';
    loadCaseload().catch((e) => { $('caseload-status').textContent = e.message; });
  });
  $('back').addEventListener('click', () => loadCaseload());
  $('client-title').tabIndex = -1;

  gatewaySession().catch(() => null).then((me) => {
    if (me && me.role === 'THERAPIST') loadCaseload().catch((e) => { $('caseload-status').textContent = e.message; });
    else showSignIn();
  });
}());
