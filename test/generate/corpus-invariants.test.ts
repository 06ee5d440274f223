// Invariants of the builtin generator on every description we hold: the corpus, the fixtures and (when present) dev.
// The label check here is written independently of the provider's own label gate, so the two can disagree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureLayout } from '../../src/bpmn/layout/quality.ts';
import { parseBpmn } from '../../src/bpmn/parse.ts';
import { validateDefinitions } from '../../src/bpmn/validate.ts';
import { repairModel, type ProcessModel } from '../../src/generate/model.ts';
import { GenerationError } from '../../src/generate/provider.ts';
import { traceProcess } from '../../src/generate/providers/builtin/builtin-provider.ts';
import { soundnessProblems } from '../../src/generate/soundness.ts';
import type { VerbAccount } from '../../src/generate/providers/builtin/trace.ts';
import { modelToBpmn } from '../../src/generate/to-bpmn.ts';

interface Text {
  id: string;
  text: string;
}

const here = import.meta.dirname;
const jsonl = (file: string): Text[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Text)
    : [];
const fixtures = readdirSync(path.join(here, 'fixtures')).map((f) => ({ id: f, text: readFileSync(path.join(here, 'fixtures', f), 'utf8') }));
const TEXTS: Text[] = [
  ...jsonl(path.join(here, 'corpus/texts.jsonl')),
  ...fixtures,
  // The shared dev set lives outside the repository; it is checked where it is mounted.
  ...jsonl(path.resolve(here, '../../../shared/gen-eval/dev.jsonl')),
];

// Words a label never needs: articles and other determiners, modals, time and sequence adverbs, pronouns.
const NEVER_IN_LABELS = new Set(
  ('the this these those its their his her our my your some each every can could must should shall will would may might ' +
    'also then finally immediately usually always often sometimes just afterwards subsequently therefore perhaps maybe ' +
    'possibly simply normally typically generally probably really').split(' '),
);
const PRONOUNS = new Set('it they them he she him we i you us who which what'.split(' '));
const FUNCTION_WORDS = new Set('and or but if when so because while whether to of for with by from in on at as than a an within until after before about into'.split(' '));
// Verbs that make a whole step on their own.
const BARE_STEPS = new Set(
  ('pay sign register ship approve reject decide travel respond reply resign vote proceed rework escalate deploy invoice ' +
    'apply enrol enroll attend negotiate report agree book check rest recover depart arrive wait confirm order test ' +
    'review intervene pack train reconcile retire plan login leave graduate withdraw refuel resit abstain').split(' '),
);

/** What a reader would call wrong with a label: artifacts, leftovers, a fragment, no verb first. */
function labelIssues(label: string, kind: 'task' | 'lane' | 'condition'): string[] {
  const issues: string[] = [];
  if (!label.trim()) return ['empty'];
  if (/\s['’]s\b|\s{2}|\s[,.;:]/.test(label) || label.trim() !== label) issues.push('tokenizer artifact');
  const words = label.split(' ');
  const lower = words.map((w) => w.toLowerCase());
  // ("some boxes missing", "only some valid": a condition may open with the share of things it is about.)
  const share = (i: number) => kind === 'condition' && ['some', 'each', 'every'].includes(lower[i]!) && lower.length > i + 1 && (i === 0 || (i === 1 && lower[0] === 'only'));
  for (const [i, w] of lower.entries()) {
    if (NEVER_IN_LABELS.has(w) && !share(i)) issues.push(`leftover "${w}"`);
    if (kind !== 'condition' && PRONOUNS.has(w) && words[i] !== words[i]!.toUpperCase()) issues.push(`pronoun "${w}"`);
    if (kind !== 'condition' && (w === 'a' || w === 'an')) issues.push(`article "${w}"`);
  }
  const [first, last] = [lower[0]!, lower[lower.length - 1]!];
  if (FUNCTION_WORDS.has(last) && !(kind === 'condition' && lower.length > 1 && last === 'a')) issues.push('ends in a function word');
  // "in stock", "on time", "at risk", "within tolerance": a state may open with its preposition.
  const state = lower.length > 1 && ['in', 'on', 'at', 'within', 'under', 'over', 'above', 'below'].includes(first);
  if (kind === 'condition' && ((FUNCTION_WORDS.has(first) && !state) || (lower.length === 1 && PRONOUNS.has(first)))) issues.push('fragment');
  if (kind === 'task') {
    if (FUNCTION_WORDS.has(first) || PRONOUNS.has(first) || /^\d/.test(first)) issues.push('no verb first');
    if (/ing$/.test(first) && !/(bring|string)$/.test(first)) issues.push('gerund first');
    if (/ed$/.test(first) && !/(eed|hred|bed|wed)$/.test(first)) issues.push('participle first');
    if (lower.length === 1 && !BARE_STEPS.has(first)) issues.push('verb without object');
  }
  if (kind === 'lane' && /^[a-z]/.test(label)) issues.push('lower-case lane');
  return issues;
}

function labelled(model: ProcessModel): Array<[string, 'task' | 'lane' | 'condition']> {
  return [
    ...model.nodes.filter((n) => n.kind === 'task').map((n): [string, 'task'] => [n.label, 'task']),
    ...model.actors.map((a): [string, 'lane'] => [a.name, 'lane']),
    ...model.flows.filter((f) => f.label).map((f): [string, 'condition'] => [f.label!, 'condition']),
  ];
}

describe('the independent label check', () => {
  it('refuses the fragments the builtin used to make and passes clean labels', () => {
    expect(labelIssues('Engineer', 'task')).toContain('verb without object');
    expect(labelIssues("ticket 's bug", 'condition')).toContain('tokenizer artifact');
    expect(labelIssues('Then check the invoice', 'task')).toEqual(expect.arrayContaining(['leftover "then"', 'leftover "the"']));
    expect(labelIssues('customer does not confirm within', 'condition')).toContain('ends in a function word');
    expect(labelIssues('Prepare contract', 'task')).toEqual([]);
    expect(labelIssues('IT', 'lane')).toEqual([]);
    expect(labelIssues('is a bug', 'condition')).toEqual([]);
    expect(labelIssues('in stock', 'condition')).toEqual([]);
    expect(labelIssues('in', 'condition')).toContain('fragment');
    expect(labelIssues('for approval', 'condition')).toContain('fragment');
  });
});

// What the trace says about every verb, collected over all texts for the share checked at the end.
const accounts: VerbAccount[] = [];
const refused: string[] = [];

describe.each(TEXTS.map((t) => [t.id, t] as const))('builtin generation of %s', (id, { text }) => {
  it('passes the label check, traces every task to a verb, plays soundly, and gives valid BPMN laid out without overlaps', async () => {
    let traced: ReturnType<typeof traceProcess>;
    try {
      traced = traceProcess({ prompt: text }, []);
    } catch (err) {
      // A refusal must be the typed, explained one; how many there are is checked below.
      expect(err).toBeInstanceOf(GenerationError);
      refused.push(id);
      return;
    }
    accounts.push(...traced.verbs);
    const { model } = repairModel(traced.model);

    const bad = labelled(model).flatMap(([label, kind]) => labelIssues(label, kind).map((issue) => `${kind} "${label}": ${issue}`));
    expect(bad).toEqual([]);

    // Every task came from a verb of the text, and every verb that made a task finds it in the diagram.
    const tasks = new Set(model.nodes.filter((n) => n.kind === 'task').map((n) => n.id));
    expect([...tasks].filter((t) => !traced.verbs.some((v) => v.task === t))).toEqual([]);
    expect(traced.verbs.filter((v) => v.task && !tasks.has(v.task)).map((v) => v.verb)).toEqual([]);

    // No deadlock, no doubled token, every node able to run and every loop able to exit.
    expect(soundnessProblems(model)).toEqual([]);

    const parsed = await parseBpmn(await modelToBpmn(model));
    expect(validateDefinitions(parsed.definitions, parsed).errors).toEqual([]);
    const layout = measureLayout(parsed.definitions);
    expect({ nodeOverlaps: layout.nodeOverlaps, outsideLane: layout.outsideLane }).toEqual({ nodeOverlaps: 0, outsideLane: 0 });
  });
});

describe('over all texts', () => {
  // Not yet every verb: the reader still misses some (tagger slips, relative clauses with two verbs). The share is
  // held where it was measured when the trace came in (5.8 % of 2,130 verbs, 1 of 199 texts refused) so it only falls.
  it('leaves few verbs unread by any rule and refuses almost no text', () => {
    const unread = accounts.filter((v) => v.skip === 'unread');
    expect(accounts.length).toBeGreaterThan(500);
    expect(unread.length / accounts.length, unread.map((v) => `${v.verb}: ${v.text}`).join('\n')).toBeLessThan(0.065);
    expect(refused.length, refused.join(', ')).toBeLessThanOrEqual(Math.ceil(TEXTS.length / 100));
  });
});
