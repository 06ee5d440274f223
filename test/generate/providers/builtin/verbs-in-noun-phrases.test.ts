// Words the tagger reads as verbs between an article and its noun ("the required hedge volume", "the machining
// shop") describe the noun; read as verbs they cut the phrase, and the step lost its object or its subject.
import { describe, expect, it } from 'vitest';
import { laneOf, read, tasks } from './model-reading.ts';

describe('a verb-looking word between an article and its noun belongs to the noun phrase', () => {
  it.each([
    ['Sales sends a forecast. Treasury calculates the required hedge volume.', 'Calculate required hedge volume', 'Treasury'],
    ['The foundry casts the housings. The machining shop mills and drills the housings.', 'Mill housings', 'Machining shop'],
    ['The clerk opens the file. The clerk files the signed transfer form.', 'File signed transfer form', 'Clerk'],
  ])('%s', (text, step, lane) => {
    const m = read(text);
    expect(tasks(m)).toContain(step);
    expect(laneOf(m, step)).toBe(lane);
  });
});
