// "reviews the review comments": the verb said again as the object's first word is said once ("Review comments").
import { describe, expect, it } from 'vitest';
import { labelProblem, cleanLabel } from '../../../../src/generate/providers/builtin/label-gate.ts';
import { read, tasks } from './model-reading.ts';

describe('a verb doubled in its object', () => {
  it('is said once, in any domain', () => {
    expect(tasks(read('The manager reviews the review comments. The author fixes them.'))[0]).toBe('Review comments');
    expect(tasks(read('The auditor audits the audit trail. The controller signs the report.'))[0]).toBe('Audit trail');
    expect(tasks(read('The QA team tests the test cases. The lead signs off.'))[0]).toBe('Test cases');
  });

  it('is a problem the gate names, and cleaning removes it', () => {
    expect(labelProblem('Review review comments', 'task')).toMatch(/doubled/);
    expect(cleanLabel('Review review comments', 'task')).toBe('Review comments');
    expect(labelProblem('Review comments', 'task')).toBeNull();
  });
});
