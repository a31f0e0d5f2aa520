// Goals the client and their therapist agree on. Either may propose or edit a proposal; it takes effect when both
// agree to the same version. On an agreed goal the client checks in: how far along, and how confident they are.
import { api, exchange } from '/app/api.js';
import { el, field, form, say, show } from '/app/ui.js';

const STATUS = { PROPOSED: 'Proposed, not yet agreed', AGREED: 'Agreed', ACTIVE: 'Working on it',
  ACHIEVED: 'Achieved', DISCONTINUED: 'Stopped' };
const ATTAINMENT = [['-2', 'muchLess'], ['-1', 'less'], ['0', 'expected'], ['1', 'more'], ['2', 'muchMore']];

export default async function goalsScreen(me) {
  const goals = await api('GET', '/clients/' + me.user + '/goals');
  const open = goals.filter((goal) => goal.status !== 'ACHIEVED' && goal.status !== 'DISCONTINUED');
  show('Goals',
    open.length === 0 ? el('p', { text: 'No goals yet. You can propose one below, or your therapist will.' })
      : el('ul', { class: 'cards', id: 'goals' }, open.map((goal) => goalCard(me, goal))),
    el('h2', { text: 'Propose a goal' }),
    contentForm(me, 'propose', null, null));
}

function goalCard(me, goal) {
  const c = goal.content;
  const card = el('li', { class: 'card', 'data-goal': goal.id },
    el('h3', { text: c.title }),
    el('p', { class: 'meta goal-status', text: STATUS[goal.status] + agreementInWords(goal) }),
    c.whyItMatters ? el('p', { text: 'Why it matters: ' + c.whyItMatters }) : [],
    c.measurableTarget ? el('p', { text: 'Target: ' + c.measurableTarget }) : [],
    c.targetDate ? el('p', { text: 'By ' + c.targetDate }) : [],
    goal.latestCheckIn ? el('p', { class: 'meta', text: 'Last check-in: ' + checkInInWords(goal.latestCheckIn) }) : []);
  const path = '/clients/' + me.user + '/goals/' + goal.id;
  if (goal.status === 'PROPOSED' && !goal.agreedByClient) {
    card.append(agreeForm(path, goal.version, 'Agree to this goal', me));
  }
  if (goal.pendingRevision && goal.revisionProposedBy !== 'CLIENT') {
    card.append(el('p', { text: 'Your therapist suggests a change: ' + goal.pendingRevision.title }),
      agreeForm(path, goal.version + 1, 'Agree to the change', me));
  }
  if (goal.status === 'PROPOSED') {
    card.append(el('details', { class: 'edit' }, el('summary', { text: 'Edit this proposal' }),
      contentForm(me, 'edit', goal, path)));
  }
  if (goal.status === 'AGREED' || goal.status === 'ACTIVE') {
    card.append(checkInForm(me, goal, path));
  }
  return card;
}

function agreementInWords(goal) {
  if (goal.status !== 'PROPOSED') return '';
  if (goal.agreedByClient) return ' · you agreed; waiting for your therapist';
  return goal.agreedByTherapist ? ' · your therapist agreed; waiting for you' : '';
}

function checkInInWords(checkIn) {
  const progress = checkIn.percentComplete != null ? checkIn.percentComplete + '% done'
    : 'progress ' + (checkIn.attainmentScore > 0 ? '+' : '') + checkIn.attainmentScore;
  return progress + ', confidence ' + checkIn.confidence + ' of 10';
}

/** Agreeing names the version shown: one agrees to what one saw; the service refuses if it has changed since. */
function agreeForm(path, version, words, me) {
  return form({ class: 'agree actions' }, [el('button', { type: 'submit' }, words)], async () => {
    await api('POST', path + '/agreement', { version });
    say('Agreed.');
    goalsScreen(me);
  });
}

/** Proposing a goal, or editing a proposal (with If-Match: an edit never overwrites one it did not see). */
function contentForm(me, mode, goal, path) {
  const c = goal ? goal.content : {};
  const id = (name) => mode + '-' + (goal ? goal.id + '-' : '') + name;
  return form({ class: 'goal-form', 'data-mode': mode }, [
    field(id('title'), 'Goal', el('input', { type: 'text', maxlength: '200', required: true, value: c.title || '' })),
    field(id('why'), 'Why it matters to me (optional)', el('textarea', { maxlength: '2000' }, c.whyItMatters || '')),
    field(id('target'), 'How I will know (optional)', el('input', { type: 'text', maxlength: '500', value: c.measurableTarget || '' })),
    field(id('date'), 'By when (optional)', el('input', { type: 'date', value: c.targetDate || '' })),
    el('p', {}, el('button', { type: 'submit' }, mode === 'edit' ? 'Save changes' : 'Propose to my therapist')),
  ], async (node) => {
    const value = (name) => node.querySelector('#' + id(name)).value.trim() || undefined;
    const content = { title: value('title'), whyItMatters: value('why'), measurableTarget: value('target'),
      targetDate: value('date'), weight: c.weight, strengthIds: c.strengthIds, steps: c.steps,
      attainmentScale: c.attainmentScale || undefined };
    if (mode === 'edit') {
      await api('PUT', path, content, { 'If-Match': await etagOf(path, goal.version) });
      say('Your changes are saved. Your therapist will be asked to agree again.');
    } else {
      await api('POST', '/clients/' + me.user + '/goals', content);
      say('Proposed. Your therapist will see it.');
    }
    goalsScreen(me);
  });
}

/**
 * The revision to name in If-Match for an edit of the version shown: read now, and refused here if the content
 * changed since the screen showed it (the service refuses edits whose If-Match is stale).
 */
async function etagOf(path, shownVersion) {
  const { body, etag } = await exchange('GET', path);
  if (body.version !== shownVersion) {
    throw new Error('This goal was changed while you were editing it. Please look at it again.');
  }
  return etag;
}

function checkInForm(me, goal, path) {
  const scale = goal.content.attainmentScale;
  const id = (name) => 'checkin-' + goal.id + '-' + name;
  const confidence = el('output', { id: id('confidence-value'), text: '5' });
  const slider = el('input', { type: 'range', min: '0', max: '10', value: '5', 'aria-describedby': id('confidence-value') });
  slider.addEventListener('input', () => { confidence.textContent = slider.value; });
  slider.id = id('confidence');
  return form({ class: 'check-in' }, [
    el('h4', { text: 'Check in' }),
    scale
      ? field(id('attainment'), 'Where I am now', el('select', {}, ATTAINMENT.map(([value, level]) =>
        el('option', { value, selected: value === '0', text: scale[level] }))))
      : field(id('percent'), 'How far along (0–100%)', el('input', { type: 'number', min: '0', max: '100', value: '0', required: true })),
    el('div', {}, el('label', { for: id('confidence') }, 'How confident I am that I will get there (0–10): ', confidence), slider),
    field(id('note'), 'A note (optional)', el('textarea', { maxlength: '2000' })),
    el('p', {}, el('button', { type: 'submit' }, 'Save check-in')),
  ], async (node) => {
    const note = node.querySelector('#' + id('note')).value.trim();
    const body = { confidence: Number(slider.value), note: note || undefined };
    if (scale) body.attainmentScore = Number(node.querySelector('#' + id('attainment')).value);
    else body.percentComplete = Number(node.querySelector('#' + id('percent')).value);
    await api('POST', path + '/check-ins', body);
    say('Check-in saved.');
    goalsScreen(me);
  });
}
