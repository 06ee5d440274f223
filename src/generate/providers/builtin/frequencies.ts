// How often a step is done, said with "once": "Once a month, the supervisor reconciles the cash book", "the auditor
// checks the log once per quarter". "Once" here counts, it opens no clause ("Once the form arrives, …" does), so the
// words are written as the schedule word the time reader knows ("Monthly, the supervisor …") before any grammar: a
// schedule opening the text starts the process by timer ("Monthly", R/P1M), one later waits for its timer.
const ONCE = /\bonce\s+(?:a|an|per|every)\s+(day|week|month|quarter|year)\b/gi;
const OFTEN: Record<string, string> = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly', year: 'yearly' };

/** The text with "once a month" written "monthly" (capitalised where it opens a sentence). */
export function spellFrequencies(text: string): string {
  return text.replace(ONCE, (said: string, period: string) => {
    const often = OFTEN[period.toLowerCase()]!;
    return /^O/.test(said) ? often.charAt(0).toUpperCase() + often.slice(1) : often;
  });
}
