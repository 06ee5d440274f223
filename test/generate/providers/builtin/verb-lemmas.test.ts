import { describe, expect, it } from 'vitest';
import { verbLemma } from '../../../../src/generate/providers/builtin/verb-lemma.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';
import { read, tasks } from './model-reading.ts';

describe('verb base forms follow English spelling, not the lemmatiser', () => {
  it('a single consonant after one vowel would have doubled, so the base has an -e', () => {
    expect(['staged', 'staging', 'coded', 'taped', 'graded', 'fined', 'piped', 'rated'].map((w) => verbLemma(w))).toEqual(['stage', 'stage', 'code', 'tape', 'grade', 'fine', 'pipe', 'rate']);
  });

  it('a doubled consonant is the spelling\'s unless the base has it', () => {
    expect(['planned', 'shipped', 'filled', 'billed', 'passed', 'controlled'].map((w) => verbLemma(w))).toEqual(['plan', 'ship', 'fill', 'bill', 'pass', 'control']);
  });

  it('the lexicon chooses between a base with and without -e', () => {
    expect(['validated', 'routed', 'routing', 'reconciled', 'configured', 'retired', 'formed', 'posted', 'agreed'].map((w) => verbLemma(w))).toEqual(['validate', 'route', 'route', 'reconcile', 'configure', 'retire', 'form', 'post', 'agree']);
  });

  it('-s forms keep their stem ("stages", "files", "leaves", "bases", "goes")', () => {
    expect(['stages', 'routes', 'files', 'leaves', 'bases', 'ships', 'tables', 'books', 'logs', 'goes', 'fixes', 'applies', 'processes', 'amends'].map((w) => verbLemma(w))).toEqual(['stage', 'route', 'file', 'leave', 'base', 'ship', 'table', 'book', 'log', 'go', 'fix', 'apply', 'process', 'amend']);
  });

  it('words the model does not know: a prefix on a known verb, a known noun, or the plain stem', () => {
    expect(['triaged', 'retested', 'onboarded', 'texted', 'anonymised', 'rebooked'].map((w) => verbLemma(w))).toEqual(['triage', 'retest', 'onboard', 'text', 'anonymise', 'rebook']);
  });

  it('base forms that end like an inflection stay, and irregular forms keep the model\'s lemma', () => {
    expect(verbLemma('proceed')).toBe('proceed');
    expect(verbLemma('bring')).toBe('bring');
    expect(verbLemma('singing')).toBe('sing');
    expect(verbLemma('bled', 'bleed')).toBe('bleed');
    expect(verbLemma('does', 'do')).toBe('do');
  });

  it('a verb token carries its corrected lemma', () => {
    const [sentence] = readSentences('The planner staged the materials.');
    expect(sentence!.find((t) => t.lower === 'staged')!.lemma).toBe('stage');
  });
});

describe('labels from regular verbs the lemmatiser got wrong', () => {
  it.each([
    ['The biomedical scientist validated the results.', 'Validate results'],
    ['The warehouse planner stages the pallets.', 'Stage pallets'],
    ['The dispatcher routed the trucks.', 'Route trucks'],
    ['The triage nurse triaged the patient.', 'Triage patient'],
    ['The controller consolidated the budget drafts.', 'Consolidate budget drafts'],
    ['The quality team quarantined the batch.', 'Quarantine batch'],
    ['The registrar coded the diagnosis.', 'Code diagnosis'],
    ['The bank onboarded the corporate client.', 'Onboard corporate client'],
    ['The examiner re-marked the paper.', 'Re-mark paper'],
    ['The clerk files the tax return.', 'File tax return'],
  ])('%s', (text, label) => {
    expect(tasks(read(text))).toEqual([label]);
  });

  it('a participle after "only" describes its noun; the sentence\'s verb is the step', () => {
    expect(tasks(read('The counsellor archives the case and only anonymised statistics are kept.'))).toEqual(['Archive case', 'Keep anonymised statistics']);
    expect(tasks(read('The clerk files the claim and only approved invoices are paid.'))).toEqual(['File claim', 'Pay approved invoices']);
  });
});
