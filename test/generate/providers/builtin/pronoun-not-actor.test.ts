// "The lab informs the ward. The ward then collects it": "it" never means the party now acting; it means the thing
// in hand before that party was named ("Collect ward" before this rule).
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('"it" is never the one acting', () => {
  it.each([
    ['The lab registers the sample and informs the ward. The ward then collects it.', 'Collect sample'],
    ['The kitchen plates the meal and informs the ward. The ward then checks it.', 'Check meal'],
    ['The pharmacy prepares the prescription and informs the clinic. The clinic then collects it.', 'Collect prescription'],
  ])('%s', (text, task) => {
    const labels = tasks(read(text));
    expect(labels).toContain(task);
  });
});
