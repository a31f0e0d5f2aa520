// The client's web app: plain DOM, one module per concern, no framework. Screens are chosen by the address's
// fragment (#today, #mood); each renders into <div id="screen"> and announces what happened in the status region.
import { api, session, SignedOut } from '/app/api.js';

const screen = document.getElementById('screen');
const title = document.getElementById('title');
const status = document.getElementById('status');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');

let me = null;

const EMOTIONS = ['calm', 'hopeful', 'happy', 'tired', 'anxious', 'sad', 'angry', 'lonely'];
const SKIP_REASONS = { NOT_WELL: 'I was not well', NO_TIME: 'No time', NOT_HELPFUL: 'It does not help me',
  TOO_HARD: 'Too hard', FORGOT: 'I forgot', OTHER: 'Something else' };

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value === true ? '' : value);
  }
  children.flat().forEach((child) => node.append(child));
  return node;
}

function say(message, isError) {
  status.textContent = message;
  status.classList.toggle('error', Boolean(isError));
}

function show(heading, ...content) {
  title.textContent = heading;
  document.title = heading + ' · Steady';
  screen.replaceChildren(...content);
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('href') === location.hash) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.getElementById('main').focus();
}

// The browser's own time zone when the client has not chosen one; UTC where the browser does not know it
// (some report "Etc/Unknown", which no date formatter accepts).
function timeZone() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone || 'UTC';
  } catch (e) {
    return 'UTC';
  }
}

// ---- Sign-in ------------------------------------------------------------------------------------------------------

async function signInScreen() {
  nav.hidden = true;
  who.hidden = true;
  signOutButton.hidden = true;
  let users = [];
  try {
    users = await session.demoUsers();
  } catch (e) {
    users = [];
  }
  const clients = users.filter((user) => user.role === 'CLIENT');
  show('Sign in',
    el('p', { text: 'Steady keeps what you practise between sessions in one place.' }),
    clients.length === 0
      ? el('p', { text: 'Sign in through your provider.' })
      : el('ul', { class: 'cards' }, clients.map((user) => el('li', {},
        el('button', { type: 'button', 'data-user': user.user, onclick: () => signIn(user.user) },
          'Sign in as ' + user.user)))));
}

async function signIn(user) {
  try {
    me = await session.signIn(user);
    say('Signed in as ' + me.user + '.');
    enter();
  } catch (e) {
    say(e.message, true);
  }
}

function enter() {
  nav.hidden = false;
  who.hidden = false;
  who.textContent = me.user;
  signOutButton.hidden = false;
  if (!location.hash || location.hash === '#sign-in') location.hash = '#today';
  else route();
}

signOutButton.addEventListener('click', async () => {
  await session.signOut();
  me = null;
  say('Signed out.');
  location.hash = '#sign-in';
  signInScreen();
});

// ---- Today --------------------------------------------------------------------------------------------------------

async function todayScreen() {
  const zone = await clientTimeZone();
  const agenda = await api('GET', '/clients/' + me.user + '/agenda?days=1');
  const format = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  // Today in the client's own time zone: the agenda also reaches into tomorrow.
  const dayOf = (date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(date);
  const today = dayOf(new Date());
  const items = agenda.filter((item) => item.state === 'OPEN' || dayOf(new Date(item.dueAt)) === today);
  show('Today',
    el('p', { class: 'meta', text: 'Times are in ' + zone + '.' }),
    items.length === 0 ? el('p', { text: 'Nothing planned for today.' })
      : el('ul', { class: 'cards', id: 'agenda' }, items.map((item) => occurrenceCard(item, format))));
}

async function clientTimeZone() {
  try {
    const settings = await api('GET', '/clients/' + me.user + '/reminder-settings');
    return settings.timeZone || timeZone();
  } catch (e) {
    if (e instanceof SignedOut) throw e;
    return timeZone();
  }
}

function occurrenceCard(item, format) {
  const card = el('li', { class: 'card', 'data-occurrence': item.occurrenceId },
    el('h3', { text: item.title }),
    el('p', { class: 'meta', text: format.format(new Date(item.dueAt)) + ' · ' + stateInWords(item) }));
  if (item.state === 'OPEN' || item.state === 'UPCOMING' || item.state === 'MISSED') {
    card.append(completionForm(item), skipForm(item));
  }
  return card;
}

function stateInWords(item) {
  switch (item.state) {
    case 'COMPLETED': return 'Done' + (item.helpfulness ? ', helpfulness ' + item.helpfulness + ' of 5' : '');
    case 'SKIPPED': return 'Skipped';
    case 'OPEN': return 'Now';
    case 'MISSED': return 'Not done yet';
    default: return 'Later today';
  }
}

function completionForm(item) {
  const name = 'helpfulness-' + item.occurrenceId;
  const form = el('form', { class: 'complete' },
    el('fieldset', { class: 'inline' },
      el('legend', { text: 'How helpful was it? (optional)' }),
      [1, 2, 3, 4, 5].map((n) => el('label', {}, el('input', { type: 'radio', name, value: String(n) }), String(n)))),
    el('button', { type: 'submit' }, 'Mark done'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="' + name + '"]:checked');
    try {
      await api('PUT', '/clients/' + me.user + '/assignments/' + item.assignmentId + '/occurrences/'
        + item.occurrenceId + '/completion', chosen ? { helpfulness: Number(chosen.value) } : {});
      say('Well done: "' + item.title + '" is marked done.');
      todayScreen();
    } catch (e) {
      failed(e);
    }
  });
  return form;
}

function skipForm(item) {
  const id = 'skip-' + item.occurrenceId;
  const form = el('form', { class: 'skip actions' },
    el('label', { for: id, text: 'Not today? Why:' }),
    el('select', { id }, Object.entries(SKIP_REASONS).map(([value, words]) => el('option', { value, text: words }))),
    el('button', { type: 'submit', class: 'quiet' }, 'Skip'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('PUT', '/clients/' + me.user + '/assignments/' + item.assignmentId + '/occurrences/'
        + item.occurrenceId + '/skip', { reason: form.querySelector('select').value });
      say('Skipped "' + item.title + '". That is fine; tomorrow is another day.');
      todayScreen();
    } catch (e) {
      failed(e);
    }
  });
  return form;
}

// ---- Mood ---------------------------------------------------------------------------------------------------------

function scale(id, words, value) {
  const output = el('output', { for: id, id: id + '-value', text: String(value) });
  const input = el('input', { type: 'range', id, name: id, min: '0', max: '10', step: '1', value: String(value),
    'aria-describedby': id + '-value' });
  input.addEventListener('input', () => { output.textContent = input.value; });
  return el('div', {}, el('label', { for: id }, words + ' (0–10): ', output), input);
}

async function moodScreen() {
  const form = el('form', { id: 'mood-form' },
    scale('mood', 'Mood', 5),
    scale('anxiety', 'Anxiety', 3),
    el('fieldset', { class: 'inline' }, el('legend', { text: 'Emotions (optional)' }),
      EMOTIONS.map((emotion) => el('label', {}, el('input', { type: 'checkbox', name: 'emotion', value: emotion }), emotion))),
    el('label', { for: 'note', text: 'A note for yourself (optional, up to 500 characters)' }),
    el('textarea', { id: 'note', maxlength: '500' }),
    el('p', {}, el('button', { type: 'submit' }, 'Save my mood')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const emotions = [...form.querySelectorAll('input[name="emotion"]:checked')].map((box) => box.value);
    const note = form.querySelector('#note').value.trim();
    try {
      await api('POST', '/clients/' + me.user + '/mood', {
        mood: Number(form.querySelector('#mood').value), anxiety: Number(form.querySelector('#anxiety').value),
        emotions, note: note || undefined, timeZone: await clientTimeZone() });
      say('Your mood is saved.');
      moodScreen();
    } catch (e) {
      failed(e);
    }
  });
  const recent = await api('GET', '/clients/' + me.user + '/mood?size=5');
  show('Mood', form, el('h2', { text: 'Lately' }),
    recent.items.length === 0 ? el('p', { text: 'Nothing logged yet.' })
      : el('ul', { class: 'cards', id: 'recent-moods' }, recent.items.map((entry) => el('li', { class: 'card' },
        el('p', { class: 'meta', text: new Date(entry.loggedAt).toLocaleString() }),
        el('p', { text: 'Mood ' + entry.mood + ' of 10' + (entry.emotions.length ? ' · ' + entry.emotions.join(', ') : '') }),
        entry.note ? el('p', { text: entry.note }) : []))));
}

// ---- Routing ------------------------------------------------------------------------------------------------------

function failed(e) {
  if (e instanceof SignedOut) {
    me = null;
    say('Please sign in again.', true);
    signInScreen();
  } else {
    say(e.message, true);
  }
}

const SCREENS = { '#today': todayScreen, '#mood': moodScreen };

async function route() {
  if (!me) return signInScreen();
  const render = SCREENS[location.hash] || todayScreen;
  try {
    await render();
  } catch (e) {
    failed(e);
  }
}

window.addEventListener('hashchange', route);

(async function start() {
  try {
    me = await session.me();
    enter();
  } catch (e) {
    signInScreen();
  }
})();
