// The few DOM helpers every screen uses: build elements, show a screen, announce what happened, report a failure.

const screen = document.getElementById('screen');
const title = document.getElementById('title');
const status = document.getElementById('status');
const nav = document.getElementById('nav');

let failureHandler = (e) => say(e.message, true);

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value === true ? '' : value);
  }
  children.flat(Infinity).forEach((child) => node.append(child));
  return node;
}

/** Announces a result in the polite live region (screen readers read it; the page does not jump). */
export function say(message, isError) {
  status.textContent = message;
  status.classList.toggle('error', Boolean(isError));
}

export function show(heading, ...content) {
  if (title.textContent !== heading) window.scrollTo(0, 0);   // a new screen starts at its top
  title.textContent = heading;
  document.title = heading + ' · Steady';
  screen.replaceChildren(...content.flat(Infinity));
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('href') === location.hash) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.getElementById('main').focus();
}

/** The shell decides what a failure means (signed out: sign in again; otherwise say what the API said). */
export function onFailure(handler) {
  failureHandler = handler;
}

export function failed(e) {
  failureHandler(e);
}

/** A form whose submit runs {@code action}; failures are reported, and the button is disabled while it runs. */
export function form(attributes, children, action) {
  const node = el('form', attributes, children);
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    const buttons = [...node.querySelectorAll('button[type="submit"]')];
    buttons.forEach((button) => { button.disabled = true; });
    try {
      await action(node);
    } catch (e) {
      failed(e);
    } finally {
      buttons.forEach((button) => { button.disabled = false; });
    }
  });
  return node;
}

export function field(id, words, input) {
  input.id = id;
  return el('div', { class: 'field' }, el('label', { for: id, text: words }), input);
}

export function lines(text) {
  return text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}

export function when(instant) {
  return new Date(instant).toLocaleString();
}

// The browser's own time zone when the client has not chosen one; UTC where the browser does not know it
// (some report "Etc/Unknown", which no date formatter accepts).
export function browserTimeZone() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone || 'UTC';
  } catch (e) {
    return 'UTC';
  }
}
