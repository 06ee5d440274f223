// Runs in <head>, before the first paint: a theme the person chose (app.js stores it) wins over the system's.
/* global document, localStorage */
try {
  const chosen = localStorage.getItem('jfi-theme');
  if (chosen === 'light' || chosen === 'dark') document.documentElement.dataset.theme = chosen;
} catch {
  // Storage blocked: the page follows the system preference.
}
