import { describe, expect, it } from 'vitest';
import { fixtureTexts } from '../../../bench/generated-texts.ts';
import { measureLayout } from '../../../src/bpmn/layout/quality.ts';
import { parseBpmn } from '../../../src/bpmn/parse.ts';
import { generateProcess } from '../../../src/generate/generate.ts';
import { BuiltinProvider } from '../../../src/generate/providers/builtin/builtin-provider.ts';

const provider = new BuiltinProvider();

describe('layout of generated diagrams (builtin generator, fixture texts)', () => {
  it.each(fixtureTexts().map((t) => [t.id, t.text]))('%s: branches share no line, labels touch nothing', async (_id, text) => {
    const { xml } = await generateProcess({ prompt: text }, provider);
    const q = measureLayout((await parseBpmn(xml)).definitions);
    expect(q.edges).toBeGreaterThan(0);
    expect(q.sharedSegments).toBe(0);
    expect(q.labelCollisions).toBe(0);
    expect(q.nodeOverlaps).toBe(0);
    expect(q.edgesThroughNodes).toBe(0);
  });
});
