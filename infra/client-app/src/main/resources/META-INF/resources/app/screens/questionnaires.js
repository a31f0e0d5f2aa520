// Questionnaires the therapist assigned. The client sees their total as a number and a trend, never a label
// (shared CLINICAL.md, "What the client sees"). After a safety answer the service's answer carries support: the
// supportive words, the client's own wellness-plan steps and contacts, and the provider's crisis resources. The app
// shows them at once, before anything else.
import { api } from '/app/api.js';
import { el, form, say, show, when } from '/app/ui.js';

// PHQ-9 and GAD-7 (Spitzer, Williams, Kroenke and colleagues; "no permission required to reproduce, translate,
// display or distribute"). The service has the scoring; the wording is the client's to read.
const WORDING = {
  'PHQ-9': {
    stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    items: ['Little interest or pleasure in doing things', 'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much', 'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed; or the opposite, being so fidgety or '
        + 'restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead, or of hurting yourself in some way'],
  },
  'GAD-7': {
    stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    items: ['Feeling nervous, anxious, or on edge', 'Not being able to stop or control worrying',
      'Worrying too much about different things', 'Trouble relaxing',
      'Being so restless that it is hard to sit still', 'Becoming easily annoyed or irritable',
      'Feeling afraid, as if something awful might happen'],
  },
};
const ANSWERS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

export default async function questionnairesScreen(me, answered) {
  const [assignments, history] = await Promise.all([
    api('GET', '/clients/' + me.user + '/assignments'),
    api('GET', '/clients/' + me.user + '/assessments?size=10')]);
  const assigned = assignments.filter((a) => a.kind === 'QUESTIONNAIRE' && a.status === 'ACTIVE' && WORDING[a.measure]);
  show('Questionnaires',
    answered ? result(answered) : [],
    assigned.length === 0 ? el('p', { text: 'Your therapist has not given you a questionnaire.' })
      : assigned.map((assignment) => questionnaireForm(me, assignment)),
    el('h2', { text: 'Earlier answers' }),
    history.items.length === 0 ? el('p', { text: 'None yet.' })
      : el('ul', { class: 'cards', id: 'assessment-history' }, history.items.map((a) => el('li', { class: 'card' },
        el('p', { class: 'meta', text: when(a.completedAt) + ' · ' + a.measure }),
        el('p', { text: 'Your total: ' + a.total + '. ' + a.trend })))));
}

function questionnaireForm(me, assignment) {
  const wording = WORDING[assignment.measure];
  const open = (assignment.upcoming || []).find((o) => o.state === 'OPEN' || o.state === 'MISSED');
  const prefix = assignment.id;
  return form({ class: 'questionnaire', 'data-measure': assignment.measure }, [
    el('h2', { text: assignment.title }),
    el('p', { text: wording.stem }),
    wording.items.map((item, index) => el('fieldset', { class: 'item' },
      el('legend', { text: (index + 1) + '. ' + item }),
      ANSWERS.map((words, value) => el('label', {},
        el('input', { type: 'radio', name: prefix + '-' + index, value: String(value), required: true }), ' ' + words)))),
    el('p', {}, el('button', { type: 'submit' }, 'Send my answers')),
  ], async (node) => {
    const items = wording.items.map((item, index) =>
      Number(node.querySelector('input[name="' + prefix + '-' + index + '"]:checked').value));
    const answer = await api('POST', '/clients/' + me.user + '/assessments', {
      measure: assignment.measure, items, assignmentId: assignment.id, occurrenceId: open ? open.occurrenceId : undefined });
    say(answer.support ? 'Thank you. Your answers are sent, and support is shown below.' : 'Thank you. Your answers are sent.');
    await questionnairesScreen(me, answer);
    // The answer was sent from the bottom of a long form; what it brings is at the top. Take the client there.
    const first = document.getElementById('support') || document.getElementById('result-heading');
    first.setAttribute('tabindex', '-1');
    first.scrollIntoView({ block: 'start' });
    first.focus({ preventScroll: true });
  });
}

function result(answer) {
  return el('section', { class: 'result', 'aria-labelledby': 'result-heading' },
    answer.support ? support(answer.support) : [],
    el('h2', { id: 'result-heading', text: 'Your answers' }),
    el('p', { id: 'assessment-total', text: 'Your total: ' + answer.total + '. ' + answer.trend }));
}

/** What the client needs now, in the words the service chose; phone numbers are links a phone can call. */
function support(offer) {
  return el('section', { class: 'support', id: 'support', role: 'alert' },
    el('h2', { text: 'You are not alone' }),
    offer.supportiveText.split(/(?<=\.)\s+/).map((sentence) => el('p', { text: sentence })),
    offer.wellnessPlanSteps.length ? [el('h3', { text: 'From your wellness plan' }),
      el('ul', { id: 'support-steps' }, offer.wellnessPlanSteps.map((step) => el('li', { text: step })))] : [],
    offer.contacts.length ? [el('h3', { text: 'People you chose' }),
      el('ul', {}, offer.contacts.map((c) => el('li', {}, c.name + (c.relationship ? ' (' + c.relationship + ')' : '') + ' ',
        c.phone ? el('a', { href: 'tel:' + c.phone.replace(/[^+0-9]/g, ''), text: c.phone }) : [])))] : [],
    offer.crisisResources.length ? [el('h3', { text: 'Talk to someone now' }),
      el('ul', { id: 'crisis-resources' }, offer.crisisResources.map((r) => el('li', {}, el('strong', { text: r.name }), ' ',
        r.phone ? el('a', { href: 'tel:' + r.phone.replace(/[^+0-9]/g, ''), text: 'Call ' + r.phone }) : [], ' ',
        r.text ? el('span', { text: r.text }) : [], ' ',
        r.url && /^https?:\/\//.test(r.url) ? el('a', { href: r.url, rel: 'noopener', target: '_blank', text: r.url }) : [])))] : []);
}
