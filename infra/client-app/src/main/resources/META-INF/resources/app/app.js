// The client's web app: plain DOM and one module per screen, no framework. The address's fragment chooses the
// screen (#today, #mood, ...); each renders into <div id="screen"> and announces what happened in the status region.
import { session, SignedOut } from '/app/api.js';
import { el, failed, onFailure, say, show } from '/app/ui.js';
import todayScreen from '/app/screens/today.js';
import moodScreen from '/app/screens/mood.js';
import journalScreen from '/app/screens/journal.js';
import questionnairesScreen from '/app/screens/questionnaires.js';
import goalsScreen from '/app/screens/goals.js';
import planScreen from '/app/screens/plan.js';
import boundariesScreen from '/app/screens/boundaries.js';
import progressScreen from '/app/screens/progress.js';
import dataScreen from '/app/screens/data.js';

const SCREENS = { '#today': todayScreen, '#mood': moodScreen, '#journal': journalScreen,
  '#questionnaires': questionnairesScreen, '#goals': goalsScreen, '#plan': planScreen,
  '#boundaries': boundariesScreen, '#progress': progressScreen, '#data': dataScreen };

const nav = document.getElementById('nav');
const who = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');

let me = null;

onFailure((e) => {
  if (e instanceof SignedOut) {
    me = null;
    say('Please sign in again.', true);
    signInScreen();
  } else {
    say(e.message, true);
  }
});

async function signInScreen() {
  nav.hidden = true;
  who.hidden = true;
  signOutButton.hidden = true;
  // The provider's sign-in in a deployment (a plain link: the browser goes to the provider and comes back signed in);
  // the demo users' one-click sign-in on a local run.
  const [providers, users] = await Promise.all([session.providers().catch(() => []), session.demoUsers().catch(() => [])]);
  const clients = users.filter((user) => user.role === 'CLIENT');
  show('Sign in',
    el('p', { text: 'Steady keeps what you practise between sessions in one place.' }),
    providers.length === 0 ? []
      : el('ul', { class: 'cards', id: 'providers' }, providers.map((provider) => el('li', {},
        el('a', { class: 'button', href: provider.url, text: 'Sign in with ' + provider.name })))),
    clients.length === 0 ? []
      : el('ul', { class: 'cards' }, clients.map((user) => el('li', {},
        el('button', { type: 'button', 'data-user': user.user, onclick: () => signIn(user.user) },
          'Sign in as ' + user.user)))),
    providers.length === 0 && clients.length === 0 ? el('p', { text: 'Sign-in is not set up here yet.' }) : [],
    location.hash === '#sign-in-failed' ? el('p', { class: 'error', text: 'Signing in did not work. Please try again.' }) : []);
}

async function signIn(user) {
  try {
    me = await session.signIn(user);
    say('Signed in as ' + me.user + '.');
    enter();
  } catch (e) {
    failed(e);
  }
}

function enter() {
  nav.hidden = false;
  who.hidden = false;
  who.textContent = me.user;
  signOutButton.hidden = false;
  if (!SCREENS[location.hash]) location.hash = '#today';
  else route();
}

signOutButton.addEventListener('click', async () => {
  await session.signOut();
  me = null;
  say('Signed out.');
  location.hash = '#sign-in';
  signInScreen();
});

async function route() {
  if (!me) return signInScreen();
  const render = SCREENS[location.hash] || todayScreen;
  try {
    await render(me);
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
