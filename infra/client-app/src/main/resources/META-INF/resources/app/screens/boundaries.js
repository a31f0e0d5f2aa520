// Boundaries: when Steady may remind the client, and of what. The client's time zone also decides what "today" is.
import { exchange, Problem, SignedOut } from '/app/api.js';
import { el, field, form, say, show, browserTimeZone } from '/app/ui.js';

const CLIENT_REMINDERS = { HOMEWORK: 'Homework that is due', HOMEWORK_FOLLOW_UP: 'A follow-up when homework is not done',
  MOOD_NUDGE: 'A nudge to log my mood', GOAL_CHECK_IN: 'Goal check-ins', SELF_CARE: 'Self-care prompts' };

// The time zone read once per signed-in client, not on every render of Today and Mood; this screen keeps it in step.
let remembered = null;

function remember(me, zone) {
  remembered = { user: me.user, zone };
  return zone;
}

/** The client's chosen time zone, or the browser's until they choose one. */
export async function clientTimeZone(me) {
  if (remembered && remembered.user === me.user) return remembered.zone;
  try {
    const { body } = await current(me);
    return remember(me, (body && body.timeZone) || browserTimeZone());
  } catch (e) {
    if (e instanceof SignedOut) throw e;
    return browserTimeZone();   // not remembered: asked again next time
  }
}

/** The settings and their version, or none yet (404). */
async function current(me) {
  try {
    return await exchange('GET', '/clients/' + me.user + '/reminder-settings');
  } catch (e) {
    if (e instanceof Problem && e.status === 404) return { body: null, etag: null };
    throw e;
  }
}

export default async function boundariesScreen(me) {
  const { body: settings, etag } = await current(me);
  if (settings && settings.timeZone) remember(me, settings.timeZone);
  const s = settings || { timeZone: browserTimeZone(), quietStart: '22:00', quietEnd: '07:00', maxPerDay: 6,
    pausedPeriods: [], optedOut: [] };
  const pause = (s.pausedPeriods || [])[0] || {};
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const optedOut = new Set(s.optedOut || []);
  const settingsForm = form({ id: 'boundaries-form' }, [
    field('time-zone', 'My time zone', el('input', { type: 'text', list: 'zones', value: s.timeZone || '',
      autocomplete: 'off', required: true })),
    el('datalist', { id: 'zones' }, zones.concat(['UTC']).map((zone) => el('option', { value: zone }))),
    el('fieldset', { class: 'inline' }, el('legend', { text: 'Quiet hours: no reminders between' }),
      el('label', {}, 'from', el('input', { type: 'time', id: 'quiet-start', value: s.quietStart || '' })),
      el('label', {}, 'to', el('input', { type: 'time', id: 'quiet-end', value: s.quietEnd || '' }))),
    field('max-per-day', 'At most this many reminders a day', el('input', { type: 'number', min: '1', max: '50',
      value: String(s.maxPerDay || 6) })),
    el('fieldset', { class: 'inline' }, el('legend', { text: 'Pause all reminders (optional)' }),
      el('label', {}, 'from', el('input', { type: 'date', id: 'pause-from', value: pause.from || '' })),
      el('label', {}, 'to', el('input', { type: 'date', id: 'pause-to', value: pause.to || '' }))),
    el('fieldset', {}, el('legend', { text: 'Remind me of' }),
      Object.entries(CLIENT_REMINDERS).map(([kind, words]) => el('label', {},
        el('input', { type: 'checkbox', name: 'remind', value: kind, checked: !optedOut.has(kind) }), ' ' + words))),
    el('p', {}, el('button', { type: 'submit' }, 'Save my boundaries')),
  ], async (node) => {
    const value = (id) => node.querySelector('#' + id).value.trim();
    const pauseFrom = value('pause-from');
    const pauseTo = value('pause-to');
    const body = {
      timeZone: value('time-zone'),
      quietStart: value('quiet-start') || undefined,
      quietEnd: value('quiet-end') || undefined,
      maxPerDay: Number(value('max-per-day')),
      // The form edits the first pause; any others (set through the API) are kept as they are.
      pausedPeriods: (pauseFrom || pauseTo ? [{ from: pauseFrom || null, to: pauseTo || null }] : [])
        .concat((s.pausedPeriods || []).slice(1)),
      optedOut: [...node.querySelectorAll('input[name="remind"]')].filter((box) => !box.checked).map((box) => box.value),
    };
    await exchange('PUT', '/clients/' + me.user + '/reminder-settings', body, etag ? { 'If-Match': etag } : {});
    remember(me, body.timeZone);
    say('Your boundaries are saved. Reminders follow them from now on.');
    boundariesScreen(me);
  });
  show('Boundaries',
    el('p', { text: 'You decide when Steady may remind you. Quiet hours may run past midnight, such as 22:00 to 07:00.' }),
    settingsForm);
}
