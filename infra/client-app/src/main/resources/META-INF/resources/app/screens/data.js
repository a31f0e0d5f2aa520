// The client's data: a copy of everything Steady holds about them (assembled from every service, downloadable
// for a limited time), and erasure, which cannot be undone and so asks once more before it starts.
import { api, exchange } from '/app/api.js';
import { el, form, say, show } from '/app/ui.js';

export default async function dataScreen(me) {
  show('My data',
    el('h2', { text: 'A copy of my data' }),
    el('p', { text: 'Steady gathers everything it holds about you into one file. It can take a minute.' }),
    form({ id: 'export-form', class: 'actions' }, [el('button', { type: 'submit' }, 'Prepare my data')], async () => {
      const started = await api('POST', '/clients/' + me.user + '/exports');
      say('Preparing your data…');
      const bundle = await download(me, started.exportId);
      const link = el('a', { id: 'export-download', download: 'steady-' + me.user + '.json', class: 'button',
        href: URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' })),
        text: 'Download my data' });
      document.getElementById('export-result').replaceChildren(link);
      say('Your data is ready to download.');
    }),
    el('div', { id: 'export-result' }),
    el('h2', { text: 'Erase my data' }),
    el('p', { text: 'Erasure removes what you wrote and logged from every part of Steady, for good. Your therapist '
      + 'will no longer see it. Download a copy first if you want to keep it.' }),
    el('div', { id: 'erasure' }, erasureStart(me)));
}

/** Waits for the export to be assembled (202 while it is), then returns the bundle. */
async function download(me, exportId) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const answer = await exchange('GET', '/clients/' + me.user + '/exports/' + exportId);
    if (answer.status === 200) return answer.body;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('Your data is taking longer than usual. Please try again in a few minutes.');
}

function erasureStart(me) {
  return form({ id: 'erasure-start', class: 'actions' }, [el('button', { type: 'submit', class: 'quiet' }, 'Erase my data…')],
    async () => {
      const confirm = erasureConfirmation(me);
      document.getElementById('erasure').replaceChildren(confirm);
      confirm.querySelector('input').focus();
    });
}

/** The confirmation step: the client types ERASE, so that a stray click cannot erase anything. */
function erasureConfirmation(me) {
  return form({ id: 'erasure-confirm', class: 'confirm' }, [
    el('p', { text: 'This cannot be undone. To erase everything, type ERASE and confirm.' }),
    el('label', { for: 'erasure-word', text: 'Type ERASE' }),
    el('input', { type: 'text', id: 'erasure-word', autocomplete: 'off', required: true }),
    el('p', { class: 'actions' },
      el('button', { type: 'submit', class: 'danger' }, 'Erase everything'),
      el('button', { type: 'button', class: 'quiet', onclick: () => {
        document.getElementById('erasure').replaceChildren(erasureStart(me));
        say('Nothing was erased.');
      } }, 'Cancel')),
  ], async (node) => {
    if (node.querySelector('#erasure-word').value.trim() !== 'ERASE') {
      say('Type ERASE to confirm, or cancel.', true);
      return;
    }
    const erasure = await api('POST', '/clients/' + me.user + '/erasure');
    document.getElementById('erasure').replaceChildren(el('p', { id: 'erasure-status',
      text: 'Erasure has started (' + erasure.erasureId + '). Every part of Steady confirms it within minutes.' }));
    say('Erasure has started.');
  });
}
