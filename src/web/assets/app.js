// Small progressive enhancements for the dashboard: copy buttons, confirmations, auto-submitting selects.
/* global document, window, navigator, setTimeout, Element, HTMLInputElement, HTMLFormElement */
document.documentElement.classList.add('js');

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

for (const form of document.querySelectorAll('form[data-autosubmit]')) {
  form.addEventListener('change', () => form.requestSubmit());
}

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
