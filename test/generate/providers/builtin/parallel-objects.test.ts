// Parallel work told with two objects of one verb: "builds the iOS app and the Android app in parallel" is two steps
// side by side between an AND split and an AND join, not one step naming the first object.
import { describe, expect, it } from 'vitest';
import { next, node, read, tasks } from './model-reading.ts';

const kinds = (m: ReturnType<typeof read>, label: string) => next(m, node(m, label).id).map((n) => n.kind);

describe('two objects done in parallel', () => {
  it('"builds the iOS app and the Android app in parallel" (software delivery)', () => {
    const m = read('The build server builds the iOS app and the Android app in parallel. QA then tests the builds.');
    expect(tasks(m)).toEqual(expect.arrayContaining(['Build iOS app', 'Build Android app']));
    expect(kinds(m, 'Build iOS app')).toEqual(['parallel']);
    expect(kinds(m, 'Build Android app')).toEqual(['parallel']);
    const join = next(m, node(m, 'Build iOS app').id)[0]!;
    expect(next(m, join.id).map((n) => n.label)).toEqual(['Test builds']);
  });

  it('"runs the blood test and the X-ray at the same time" (health)', () => {
    const m = read('The lab runs the blood test and the X-ray at the same time. The doctor then decides on treatment.');
    expect(tasks(m)).toEqual(expect.arrayContaining(['Run blood test', 'Run X-ray', 'Decide on treatment']));
    expect(kinds(m, 'Run X-ray')).toEqual(['parallel']);
  });

  it('"on iOS and Android in parallel": the words up to the preposition are said again (software delivery)', () => {
    const m = read('The pipeline builds the app on iOS and Android in parallel. QA then signs off.');
    expect(tasks(m)).toEqual(expect.arrayContaining(['Build app on iOS', 'Build app on Android']));
  });

  it('"checks the stock and the invoice simultaneously" (logistics)', () => {
    const m = read('The clerk checks the stock and the invoice simultaneously. The courier then collects the parcel.');
    expect(kinds(m, 'Check stock')).toEqual(['parallel']);
    expect(kinds(m, 'Check invoice')).toEqual(['parallel']);
  });

  it('without "in parallel" two joined objects stay one step (finance)', () => {
    const m = read('The clerk checks the invoice and the receipt. The manager approves the claim.');
    expect(tasks(m)).toEqual(['Check invoice and receipt', 'Approve claim']);
  });
});
