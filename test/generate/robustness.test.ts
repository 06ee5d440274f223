import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProcess, MAX_PROMPT_CHARS } from '../../src/generate/generate.ts';
import { validateModel } from '../../src/generate/model.ts';
import { GenerationError } from '../../src/generate/provider.ts';
import { BuiltinProvider } from '../../src/generate/providers/builtin/builtin-provider.ts';

const provider = new BuiltinProvider();
// Words that steer the builtin reader (connectives, pronouns, passives, names) in any order, so odd mixtures are tried.
const WORDS = [
  'the', 'clerk', 'checks', 'invoice', 'if', 'otherwise', 'meanwhile', 'and', 'or', 'then', 'is', 'sent', 'by', 'manager',
  'to', 'customer', 'repeat', 'again', 'until', 'while', 'whether', 'finally', 'process', 'ends', 'it', 'he', 'they', 'we',
  'I', 'am', 'in', 'case', 'of', 'not', 'approved', 'rejects', 'a', 'report', '.', ',', ';', '(', ')', '-', 'both', 'either',
  'former', 'latter', 'who', 'which', 'that', 'this', 'procedure', 'repeated', 'starts', 'when', 'after', 'before', 'Acme',
  'AG', 'Ltd.', 'informs', 'whereas', 'sometimes',
];

describe('generateProcess on arbitrary input', () => {
  it('either returns a sound model or refuses with a typed error, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60 }), async (words) => {
        const prompt = words.join(' ');
        try {
          const result = await generateProcess({ prompt }, provider);
          expect(validateModel(result.model), prompt).toEqual([]);
          expect(result.xml).toContain('<bpmn:process');
        } catch (err) {
          expect(err, prompt).toBeInstanceOf(GenerationError);
          expect((err as GenerationError).code).toBe('unreadable');
        }
      }),
      { numRuns: 150, seed: 20261125 },
    );
  }, 120_000);

  it('handles the longest allowed description in reasonable time and refuses a longer one', async () => {
    const paragraph = 'The clerk checks the invoice. If it is wrong, the clerk returns it to the supplier. Otherwise the manager approves it. ';
    const longest = paragraph.repeat(Math.ceil(MAX_PROMPT_CHARS / paragraph.length)).slice(0, MAX_PROMPT_CHARS);
    const started = performance.now();
    const result = await generateProcess({ prompt: longest }, provider);
    expect(validateModel(result.model)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(20_000);
    const err = await generateProcess({ prompt: longest + ' More.' }, provider).catch((e) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect(err.message).toMatch(/longer than/);
  }, 180_000);

  it.each(['😀😀😀', '12345 678 90', 'Check.', 'The the the the the.', 'Otherwise.'])('refuses %j as unreadable', async (prompt) => {
    const err = await generateProcess({ prompt }, provider).catch((e) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect(err.code).toBe('unreadable');
  });
});
