// The client's strengths (what they are good at, who supports them) and their wellness plan (warning signs, what
// helps, people to call), which they write with their therapist; the plan is what the safety support shows them.
import { api, exchange } from '/app/api.js';
import { el, field, form, lines, say, show } from '/app/ui.js';

const KINDS = { ABILITY: 'Something I am good at', SUPPORT: 'Someone who supports me' };
const PARTS = [['warningSigns', 'Signs that things are getting harder'], ['copingStrategies', 'Things I can do that help'],
  ['restorativeActivities', 'Things that restore me']];

export default async function planScreen(me) {
  const [strengths, plan] = await Promise.all([
    api('GET', '/clients/' + me.user + '/strengths'),
    exchange('GET', '/clients/' + me.user + '/wellness-plan')]);
  show('Strengths and plan',
    el('h2', { text: 'My strengths' }),
    strengths.length === 0 ? el('p', { text: 'None noted yet.' })
      : el('ul', { class: 'cards', id: 'strengths' }, strengths.map((s) => el('li', { class: 'card' },
        el('p', { class: 'meta', text: KINDS[s.kind] || s.kind }), el('p', { text: s.description }),
        form({ class: 'actions' }, [el('button', { type: 'submit', class: 'quiet', 'aria-label': 'Remove ' + s.description },
          'Remove')], async () => {
          await api('DELETE', '/clients/' + me.user + '/strengths/' + s.id);
          say('Removed.');
          planScreen(me);
        })))),
    strengthForm(me),
    el('h2', { text: 'My wellness plan' }),
    planView(me, plan.body, plan.etag));
}

function strengthForm(me) {
  return form({ id: 'strength-form', class: 'actions' }, [
    field('strength-kind', 'Kind', el('select', {}, Object.entries(KINDS).map(([value, words]) => el('option', { value, text: words })))),
    field('strength-text', 'Strength', el('input', { type: 'text', maxlength: '500', required: true })),
    el('button', { type: 'submit' }, 'Add'),
  ], async (node) => {
    await api('POST', '/clients/' + me.user + '/strengths', { kind: node.querySelector('#strength-kind').value,
      description: node.querySelector('#strength-text').value.trim() });
    say('Strength added.');
    planScreen(me);
  });
}

function planView(me, plan, etag) {
  const shown = plan.draft || plan.plan;
  const parts = [];
  if (plan.plan) {
    parts.push(el('p', { class: 'meta', text: 'Agreed with your therapist (version ' + plan.version + ').' }),
      planContent(plan.plan, 'agreed-plan'));
  } else {
    parts.push(el('p', { text: 'Not agreed yet. Write it below; your therapist agrees it with you.' }));
  }
  if (plan.draft) {
    parts.push(el('h3', { text: 'Changes waiting for agreement' }), planContent(plan.draft, 'draft-plan'),
      el('p', { class: 'meta', text: (plan.draftAgreedByClient ? 'You agreed.' : 'You have not agreed yet.') + ' '
        + (plan.draftAgreedByTherapist ? 'Your therapist agreed.' : 'Waiting for your therapist.') }));
    if (!plan.draftAgreedByClient) {
      parts.push(form({ class: 'actions' }, [el('button', { type: 'submit' }, 'Agree to this plan')], async () => {
        // The version in the body is the guard: one agrees to the draft one read, whatever else changed since.
        await api('POST', '/clients/' + me.user + '/wellness-plan/agreement', { version: plan.draftVersion });
        say('You agreed to your wellness plan.');
        planScreen(me);
      }));
    }
  }
  parts.push(el('details', { class: 'edit', open: !shown }, el('summary', { text: shown ? 'Change my plan' : 'Write my plan' }),
    draftForm(me, shown, etag)));
  return parts;
}

function planContent(content, id) {
  return el('dl', { id }, PARTS.map(([key, words]) => [el('dt', { text: words }),
    el('dd', {}, content[key].length ? el('ul', {}, content[key].map((line) => el('li', { text: line }))) : 'Nothing yet')]),
  el('dt', { text: 'People I can call' }),
  el('dd', {}, content.contacts.length ? el('ul', {}, content.contacts.map((c) => el('li', {
    text: c.name + (c.relationship ? ' (' + c.relationship + ')' : '') + (c.phone ? ', ' + c.phone : '') }))) : 'Nobody yet'));
}

function draftForm(me, content, etag) {
  const c = content || { warningSigns: [], copingStrategies: [], restorativeActivities: [], contacts: [] };
  const contactRows = [0, 1, 2].map((i) => {
    const contact = c.contacts[i] || {};
    return el('fieldset', { class: 'inline' }, el('legend', { text: 'Person ' + (i + 1) + ' (optional)' }),
      el('label', {}, 'Name', el('input', { type: 'text', id: 'contact-name-' + i, maxlength: '200', value: contact.name || '' })),
      el('label', {}, 'Who they are', el('input', { type: 'text', id: 'contact-relationship-' + i, maxlength: '200',
        value: contact.relationship || '' })),
      el('label', {}, 'Phone', el('input', { type: 'tel', id: 'contact-phone-' + i, value: contact.phone || '' })));
  });
  return form({ id: 'plan-form' }, [
    PARTS.map(([key, words]) => field('plan-' + key, words + ' (one per line)', el('textarea', {}, c[key].join('\n')))),
    contactRows,
    el('p', {}, el('button', { type: 'submit' }, 'Save my plan')),
  ], async (node) => {
    const body = { contacts: [] };
    PARTS.forEach(([key]) => { body[key] = lines(node.querySelector('#plan-' + key).value); });
    [0, 1, 2].forEach((i) => {
      const name = node.querySelector('#contact-name-' + i).value.trim();
      if (name) {
        body.contacts.push({ name, relationship: node.querySelector('#contact-relationship-' + i).value.trim() || undefined,
          phone: node.querySelector('#contact-phone-' + i).value.trim() || undefined });
      }
    });
    await api('PUT', '/clients/' + me.user + '/wellness-plan/draft', body, etag ? { 'If-Match': etag } : {});
    say('Your plan is saved. Your therapist will be asked to agree to it.');
    planScreen(me);
  });
}
