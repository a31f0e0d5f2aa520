// The client's progress in plain words: streaks, practice, mood, goals and questionnaire totals as numbers and
// trends; never a band, label or flag (analytics-service composes the words).
import { api } from '/app/api.js';
import { el, show } from '/app/ui.js';

export default async function progressScreen(me) {
  const progress = await api('GET', '/clients/' + me.user + '/progress');
  const facts = [];
  if (progress.currentStreakDays != null) facts.push('Days in a row with practice: ' + progress.currentStreakDays
    + (progress.bestStreakDays ? ' (your longest: ' + progress.bestStreakDays + ')' : ''));
  if (progress.practiceDoneLast28DaysPercent != null) facts.push('Planned practice done in the last four weeks: '
    + progress.practiceDoneLast28DaysPercent + '%');
  if (progress.goals) facts.push('Goals you are working on: ' + progress.goals.active + '; achieved: ' + progress.goals.achieved);
  show('My progress',
    progress.highlights.length === 0 ? el('p', { text: 'Your progress shows here as you practise.' })
      : el('ul', { class: 'cards', id: 'highlights' }, progress.highlights.map((line) => el('li', { class: 'card', text: line }))),
    facts.length ? [el('h2', { text: 'In numbers' }), el('ul', { id: 'progress-facts' }, facts.map((line) => el('li', { text: line })))] : [],
    (progress.questionnaires || []).length ? [el('h2', { text: 'Questionnaires' }),
      el('ul', {}, progress.questionnaires.map((q) => el('li', {
        text: q.measure + ': first ' + q.first + ', latest ' + q.latest + ' (' + q.scores.length + ' in all)' })))] : []);
}
