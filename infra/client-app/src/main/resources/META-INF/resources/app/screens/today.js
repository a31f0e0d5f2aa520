// Today: the client's agenda in their own time zone; mark an occurrence done (with how helpful it was) or skip it.
import { api } from '/app/api.js';
import { el, form, say, show } from '/app/ui.js';
import { clientTimeZone } from '/app/screens/boundaries.js';

const SKIP_REASONS = { NOT_WELL: 'I was not well', NO_TIME: 'No time', NOT_HELPFUL: 'It does not help me',
  TOO_HARD: 'Too hard', FORGOT: 'I forgot', OTHER: 'Something else' };

export default async function todayScreen(me) {
  const zone = await clientTimeZone(me);
  const agenda = await api('GET', '/clients/' + me.user + '/agenda?days=1');
  const format = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  // Today in the client's own time zone: the agenda also reaches into tomorrow.
  const dayOf = (date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(date);
  const today = dayOf(new Date());
  const items = agenda.filter((item) => item.state === 'OPEN' || dayOf(new Date(item.dueAt)) === today);
  const refresh = () => todayScreen(me);
  show('Today',
    el('p', { class: 'meta', text: 'Times are in ' + zone + '.' }),
    items.length === 0 ? el('p', { text: 'Nothing planned for today.' })
      : el('ul', { class: 'cards', id: 'agenda' }, items.map((item) => occurrenceCard(me, item, format, refresh))));
}

function occurrenceCard(me, item, format, refresh) {
  const card = el('li', { class: 'card', 'data-occurrence': item.occurrenceId },
    el('h3', { text: item.title }),
    el('p', { class: 'meta', text: format.format(new Date(item.dueAt)) + ' · ' + stateInWords(item) }));
  if (item.state === 'OPEN' || item.state === 'UPCOMING' || item.state === 'MISSED') {
    card.append(completionForm(me, item, refresh), skipForm(me, item, refresh));
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

function occurrencePath(me, item) {
  return '/clients/' + me.user + '/assignments/' + item.assignmentId + '/occurrences/' + item.occurrenceId;
}

function completionForm(me, item, refresh) {
  const name = 'helpfulness-' + item.occurrenceId;
  return form({ class: 'complete' }, [
    el('fieldset', { class: 'inline' },
      el('legend', { text: 'How helpful was it? (optional)' }),
      [1, 2, 3, 4, 5].map((n) => el('label', {}, el('input', { type: 'radio', name, value: String(n) }), String(n)))),
    el('button', { type: 'submit' }, 'Mark done'),
  ], async (node) => {
    const chosen = node.querySelector('input[name="' + name + '"]:checked');
    await api('PUT', occurrencePath(me, item) + '/completion', chosen ? { helpfulness: Number(chosen.value) } : {});
    say('Well done: "' + item.title + '" is marked done.');
    refresh();
  });
}

function skipForm(me, item, refresh) {
  const id = 'skip-' + item.occurrenceId;
  return form({ class: 'skip actions' }, [
    el('label', { for: id, text: 'Not today? Why:' }),
    el('select', { id }, Object.entries(SKIP_REASONS).map(([value, words]) => el('option', { value, text: words }))),
    el('button', { type: 'submit', class: 'quiet' }, 'Skip'),
  ], async (node) => {
    await api('PUT', occurrencePath(me, item) + '/skip', { reason: node.querySelector('select').value });
    say('Skipped "' + item.title + '". That is fine; tomorrow is another day.');
    refresh();
  });
}
