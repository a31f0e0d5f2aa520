// Mood: how the client feels now (mood and anxiety 0-10, emotions, a note), and their latest entries.
import { api } from '/app/api.js';
import { el, form, say, show, when } from '/app/ui.js';
import { clientTimeZone } from '/app/screens/boundaries.js';

const EMOTIONS = ['calm', 'hopeful', 'happy', 'tired', 'anxious', 'sad', 'angry', 'lonely'];

function scale(id, words, value) {
  const output = el('output', { for: id, id: id + '-value', text: String(value) });
  const input = el('input', { type: 'range', id, name: id, min: '0', max: '10', step: '1', value: String(value),
    'aria-describedby': id + '-value' });
  input.addEventListener('input', () => { output.textContent = input.value; });
  return el('div', {}, el('label', { for: id }, words + ' (0–10): ', output), input);
}

export default async function moodScreen(me) {
  const moodForm = form({ id: 'mood-form' }, [
    scale('mood', 'Mood', 5),
    scale('anxiety', 'Anxiety', 3),
    el('fieldset', { class: 'inline' }, el('legend', { text: 'Emotions (optional)' }),
      EMOTIONS.map((emotion) => el('label', {}, el('input', { type: 'checkbox', name: 'emotion', value: emotion }), emotion))),
    el('label', { for: 'note', text: 'A note for yourself (optional, up to 500 characters)' }),
    el('textarea', { id: 'note', maxlength: '500' }),
    el('p', {}, el('button', { type: 'submit' }, 'Save my mood')),
  ], async (node) => {
    const emotions = [...node.querySelectorAll('input[name="emotion"]:checked')].map((box) => box.value);
    const note = node.querySelector('#note').value.trim();
    await api('POST', '/clients/' + me.user + '/mood', {
      mood: Number(node.querySelector('#mood').value), anxiety: Number(node.querySelector('#anxiety').value),
      emotions, note: note || undefined, timeZone: await clientTimeZone(me) });
    say('Your mood is saved.');
    moodScreen(me);
  });
  const recent = await api('GET', '/clients/' + me.user + '/mood?size=5');
  show('Mood', moodForm, el('h2', { text: 'Lately' }),
    recent.items.length === 0 ? el('p', { text: 'Nothing logged yet.' })
      : el('ul', { class: 'cards', id: 'recent-moods' }, recent.items.map((entry) => el('li', { class: 'card' },
        el('p', { class: 'meta', text: when(entry.loggedAt) }),
        el('p', { text: 'Mood ' + entry.mood + ' of 10' + (entry.emotions.length ? ' · ' + entry.emotions.join(', ') : '') }),
        entry.note ? el('p', { text: entry.note }) : []))));
}
