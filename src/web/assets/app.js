// Small progressive enhancements for the dashboard: copy buttons, confirmations, the theme switch, focus on errors.
/* global document, window, navigator, localStorage, setTimeout, Element, HTMLElement, HTMLInputElement, HTMLFormElement */

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-copy]') : null;
  if (!button) return;
  const source = document.querySelector(button.getAttribute('data-copy'));
  if (!source) return;
  const text = 'value' in source ? source.value : source.textContent;
  const done = () => {
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = label; }, 1600);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => { source.select?.(); document.execCommand('copy'); done(); });
  } else {
    source.select?.();
    document.execCommand('copy');
    done();
  }
});

document.addEventListener('focusin', (event) => {
  if (event.target instanceof HTMLInputElement && event.target.hasAttribute('data-select-on-focus')) event.target.select();
});

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) event.preventDefault();
});

// After a refused form, start where the first problem is.
const invalid = document.querySelector('[aria-invalid="true"]');
if (invalid instanceof HTMLElement) invalid.focus();

// The Light/Dark switch: pressed while the page is dark, whether the system or the person chose it.
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
const isDark = () => (document.documentElement.dataset.theme ?? (systemDark.matches ? 'dark' : 'light')) === 'dark';
const themeButtons = document.querySelectorAll('[data-theme-toggle]');
const showTheme = () => {
  for (const button of themeButtons) button.setAttribute('aria-pressed', String(isDark()));
};
for (const button of themeButtons) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const theme = isDark() ? 'light' : 'dark';
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem('jfi-theme', theme);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    showTheme();
  });
}
systemDark.addEventListener('change', showTheme);
showTheme();

// Importing a .bpmn file: read it in the browser into the form's text field, so the form stays urlencoded.
for (const input of document.querySelectorAll('input[type=file][data-into]')) {
  input.addEventListener('change', async () => {
    const target = document.querySelector(input.dataset.into);
    const file = input.files && input.files[0];
    if (!target || !file) return;
    target.value = await file.text();
    const name = input.form && input.form.querySelector('input[name=name]');
    if (name && !name.value) name.value = file.name.replace(/\.(bpmn|xml)$/i, '');
  });
}
