// "If a part is broken, the mechanic checks the stock. If it is in stock, …": a condition right after a step that
// examines something answers that step, so inside a branch it opens a choice of its own there.

const EXAMINING = new Set([
  'check', 'verify', 'inspect', 'test', 'examine', 'assess', 'review', 'evaluate', 'analyse', 'analyze', 'investigate',
  'validate', 'determine', 'decide', 'compare', 'measure', 'diagnose', 'screen', 'audit', 'reproduce', 'try', 'search',
]);

/** Whether the step (its label) examines something whose outcome a following condition may be about. */
export function examines(label: string | undefined): boolean {
  return !!label && EXAMINING.has(label.toLowerCase().split(' ')[0]!);
}
