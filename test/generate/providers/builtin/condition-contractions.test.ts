import { describe, expect, it } from 'vitest';
import { branches, read } from './model-reading.ts';

describe('"it\'s" in a condition is "it is", never a possessive left in the label', () => {
  it.each([
    ["HR checks the quote. If it's above the policy limit, the director signs it. Otherwise HR approves it.", 'quote above policy limit'],
    ["The carrier delivers the parcel. If it's on time, the clerk files the delivery note. Otherwise the clerk calls the carrier.", 'parcel on time'],
    ["The lab runs the test. If it's positive, the doctor calls the patient. Otherwise the nurse archives the result.", 'positive'],
  ])('%s', (text, condition) => {
    const labels = branches(read(text));
    expect(labels).toContain(condition);
    expect(labels.join(' ')).not.toMatch(/'s\b/);
  });
});
