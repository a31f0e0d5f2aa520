// Journal: the client writes, and chooses per entry whether their therapist may read it (they can change their mind).
import { api } from '/app/api.js';
import { el, form, say, show, when } from '/app/ui.js';

export default async function journalScreen(me) {
  const path = '/clients/' + me.user + '/journal';
  const writeForm = form({ id: 'journal-form' }, [
    el('label', { for: 'entry-text', text: 'What is on your mind?' }),
    el('textarea', { id: 'entry-text', maxlength: '20000', required: true }),
    el('label', {}, el('input', { type: 'checkbox', id: 'entry-shared' }), ' Share this entry with my therapist'),
    el('p', {}, el('button', { type: 'submit' }, 'Save entry')),
  ], async (node) => {
    const text = node.querySelector('#entry-text').value.trim();
    if (!text) {
      say('Write something first.', true);
      return;
    }
    const shared = node.querySelector('#entry-shared').checked;
    await api('POST', path, { text, sharedWithTherapist: shared });
    say(shared ? 'Saved, and shared with your therapist.' : 'Saved. Only you can read it.');
    journalScreen(me);
  });
  const entries = await api('GET', path + '?size=20');
  show('Journal', writeForm, el('h2', { text: 'My entries' }),
    entries.items.length === 0 ? el('p', { text: 'No entries yet.' })
      : el('ul', { class: 'cards', id: 'journal-entries' }, entries.items.map((entry) => entryCard(me, path, entry))));
}

function entryCard(me, path, entry) {
  return el('li', { class: 'card', 'data-entry': entry.id },
    el('p', { class: 'meta', text: when(entry.recordedAt) + ' · '
      + (entry.sharedWithTherapist ? 'Shared with your therapist' : 'Only you can read this') }),
    el('p', { class: 'entry-text', text: entry.unreadable ? '(This entry was erased.)' : entry.text }),
    form({ class: 'actions' }, [el('button', { type: 'submit', class: 'quiet' },
      entry.sharedWithTherapist ? 'Stop sharing' : 'Share with my therapist')], async () => {
      await api('PUT', path + '/' + entry.id + '/sharing', { sharedWithTherapist: !entry.sharedWithTherapist });
      say(entry.sharedWithTherapist ? 'Your therapist can no longer read that entry.' : 'Your therapist can now read that entry.');
      journalScreen(me);
    }));
}
