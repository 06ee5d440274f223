// Hostile XML: every input ends in a BpmnParseError with a precise message, in bounded memory, touching
// neither the file system nor the network. Big inputs are generated here rather than committed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBpmn } from '../../src/bpmn/export.ts';
import { BpmnParseError, DEFAULT_PARSE_LIMITS, parseBpmn, type ParseLimits } from '../../src/bpmn/parse.ts';
import { importBpmn } from '../../src/bpmn/validate.ts';

const MODEL = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const MB = 1024 * 1024;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/bpmn/${name}`, import.meta.url), 'utf8');
const open = `<bpmn:definitions xmlns:bpmn="${MODEL}" id="D">`;
const close = '</bpmn:definitions>';

/** Parses and returns the error, with how much the heap and off-heap memory grew meanwhile. */
async function reject(xml: string | Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<{ err: BpmnParseError; grewBy: number }> {
  const before = process.memoryUsage();
  const err = await importBpmn(xml, limits).then(
    () => null,
    (e: unknown) => e,
  );
  const after = process.memoryUsage();
  expect(err).toBeInstanceOf(BpmnParseError);
  return { err: err as BpmnParseError, grewBy: after.heapUsed + after.external - before.heapUsed - before.external };
}

describe('hostile XML', () => {
  it('refuses billion laughs at the DOCTYPE, before any entity exists', async () => {
    const { err } = await reject(fixture('billion-laughs.bpmn'));
    expect(err.message).toBe('DOCTYPE declarations are not allowed: DTDs and entities are refused (line 2).');
    expect(err.line).toBe(2);
  });

  it('refuses the quadratic blowup (one large entity referenced many times) in bounded memory', async () => {
    const entity = 'x'.repeat(100_000);
    const refs = '&big;'.repeat(40_000); // 4 GB if expanded
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY big "${entity}">]>${open}<bpmn:process id="P" name="${refs}"/>${close}`;
    const { err, grewBy } = await reject(xml);
    expect(err.message).toMatch(/^DOCTYPE declarations are not allowed/);
    expect(grewBy).toBeLessThan(64 * MB);
  });

  it('does not read a file named by an external entity', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jfi-xxe-'));
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'TOP-SECRET-4711');
    try {
      const xml = `<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://${secret}">]>\n${open}<bpmn:process id="P" name="&xxe;"/>${close}`;
      const { err } = await reject(xml);
      expect(err.message).toMatch(/^DOCTYPE declarations are not allowed/);
      expect(JSON.stringify(err)).not.toContain('TOP-SECRET');
      expect((await reject(fixture('external-entity-file.bpmn'))).err.message).toMatch(/^DOCTYPE declarations are not allowed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('network', () => {
    let server: Server;
    let hits = 0;
    beforeAll(async () => {
      server = createServer((_req, res) => {
        hits++;
        res.end('<!ENTITY remote "fetched">');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetches nothing named by an external DTD, parameter entity or stylesheet', async () => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const cases = [
        `<?xml version="1.0"?>\n<!DOCTYPE d SYSTEM "${base}/evil.dtd">\n${open}<bpmn:process id="P" name="&remote;"/>${close}`,
        `<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY % p SYSTEM "${base}/p.dtd"> %p;]>\n${open}${close}`,
        `<?xml version="1.0"?>\n<?xml-stylesheet href="${base}/s.xsl"?>\n${open}${close}`,
        `${open}<bpmn:import importType="http://www.w3.org/2001/XMLSchema" location="${base}/schema.xsd" namespace="urn:x"/><bpmn:process id="P"/>${close}`,
      ];
      const messages = [];
      for (const xml of cases) {
        messages.push(await importBpmn(xml).then(() => 'accepted', (e: Error) => e.message));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(hits).toBe(0);
      expect(messages[0]).toMatch(/^DOCTYPE declarations are not allowed/);
      expect(messages[1]).toMatch(/^DOCTYPE declarations are not allowed/);
      expect(messages[2]).toMatch(/^Processing instruction <\?xml-stylesheet\?> is not allowed \(line 2\)/);
      expect(messages[3]).toBe('accepted'); // an import is only a reference; nothing follows it
      expect((await reject(fixture('external-entity-http.bpmn'))).err.message).toMatch(/^DOCTYPE declarations are not allowed/);
    });
  });

  it('refuses an entity reference without any DTD', async () => {
    const { err } = await reject(fixture('undeclared-entity.bpmn'));
    expect(err.message).toMatch(/^The entity reference &xxe; is not allowed/);
    expect(err.elementId).toBe('P');
  });

  it('stops 100k-deep nesting at the depth limit', async () => {
    const depth = 100_000;
    const xml = `${open}${'<bpmn:documentation>'.repeat(depth)}${'</bpmn:documentation>'.repeat(depth)}${close}`;
    expect(Buffer.byteLength(xml)).toBeLessThan(DEFAULT_PARSE_LIMITS.maxBytes);
    const { err, grewBy } = await reject(xml);
    expect(err.message).toBe('Elements are nested deeper than 100 levels (line 1, inside element D).');
    expect(grewBy).toBeLessThan(32 * MB);
    // Unclosed, and deeper still: the same, long before the end.
    expect((await reject(`${open}${'<a>'.repeat(1_000_000)}`)).err.message).toMatch(/^Elements are nested deeper than 100 levels/);
  });

  it('refuses 50 MB of attributes by size, by attribute length and by total', async () => {
    const value = 'A'.repeat(50 * MB);
    const one = `${open}<bpmn:process id="P" name="${value}"/>${close}`;
    expect((await reject(one)).err.message).toMatch(/^The document is 5242\d{4} bytes; the limit is 5242880 bytes\.$/);

    const roomy: ParseLimits = { ...DEFAULT_PARSE_LIMITS, maxBytes: 64 * MB, maxElements: 10_000_000 };
    const long = await reject(one, roomy);
    expect(long.err.message).toMatch(/^Attribute name of <bpmn:process> is 52428800 characters long; the limit is 262144/);
    expect(long.grewBy).toBeLessThan(64 * MB);

    const task = `<bpmn:task name="${'B'.repeat(64 * 1024)}"/>`;
    const spread = `${open}<bpmn:process id="P">${task.repeat(Math.ceil((50 * MB) / task.length))}</bpmn:process>${close}`;
    const total = await reject(spread, roomy);
    expect(total.err.message).toMatch(/^Attribute values exceed 16777216 characters in total/);
    expect(total.grewBy).toBeLessThan(64 * MB);
  });

  it('refuses an element with thousands of attributes before comparing them', async () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ');
    const { err } = await reject(`${open}<bpmn:process id="P" ${attrs}/>${close}`);
    expect(err.message).toMatch(/^<bpmn:process> has more than 512 attributes/);
  });

  it('refuses more elements than the limit', async () => {
    const xml = `${open}<bpmn:process id="P">${'<bpmn:task/>'.repeat(60_000)}</bpmn:process>${close}`;
    expect((await reject(xml)).err.message).toMatch(/^The document has more than 50000 elements/);
  });

  it('refuses invalid UTF-8 bytes', async () => {
    const valid = Buffer.from(`${open}<bpmn:process id="P" name="ok"/>${close}`);
    for (const bad of [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const bytes = Buffer.concat([valid.subarray(0, 60), Buffer.from(bad), valid.subarray(60)]);
      expect((await reject(bytes)).err.message).toMatch(/^The document is not valid UTF-8/);
    }
  });

  it('refuses binary garbage and a non-BPMN root', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect((await reject(png)).err.message).toMatch(/not valid UTF-8|not XML/);
    expect((await reject('<html><body>hi</body></html>')).err.message).toMatch(/^The root element is <html> in no namespace/);
  });

  it('refuses an empty, truncated or non-XML input', async () => {
    expect((await reject('')).err.message).toBe('The document is empty.');
    expect((await reject(new Uint8Array())).err.message).toBe('The document is empty.');
    expect((await reject(`${open}<bpmn:process id="P">`)).err.message).toMatch(/truncated XML/);
    expect((await reject('definitions: yes')).err.message).toMatch(/this is not XML/);
  });

  it('answers any mutation of a valid document with an exportable result or a BpmnParseError, never another error', async () => {
    const valid = fixture('collaboration-stats.bpmn');
    const pieces = ['<', '>', '&', '"', "'", '/', '<!DOCTYPE x>', '<?pi?>', ']]>', 'xmlns:bpmn="urn:other"', '\u0000', '\uD800', 'é', '<bpmn:task id="Task_Check"/>', 'sourceRef="nope"', 'xmlns:dc="http://purl.org/dc/elements/1.1/"', '<q:x xmlns:q="urn:q" q:a="1"/>'];
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: valid.length }),
        fc.nat({ max: 40 }),
        fc.constantFrom(...pieces),
        fc.boolean(),
        async (at, cut, piece, asBytes) => {
          const mutated = valid.slice(0, at) + piece + valid.slice(Math.min(valid.length, at + cut));
          const input = asBytes ? Buffer.from(mutated) : mutated;
          const outcome = await importBpmn(input).then(
            async ({ definitions, moddle }) => (await exportBpmn(definitions, moddle)).length > 0 && 'ok',
            (e: unknown) => (e instanceof BpmnParseError ? 'refused' : e),
          );
          expect(['ok', 'refused']).toContain(outcome);
        },
      ),
      { numRuns: 300, seed: 4711 },
    );
  });

  it('never lets a hostile input reach bpmn-moddle un-scanned: parseBpmn alone refuses them too', async () => {
    await expect(parseBpmn(fixture('billion-laughs.bpmn'))).rejects.toBeInstanceOf(BpmnParseError);
    await expect(parseBpmn(fixture('processing-instruction.bpmn'))).rejects.toThrow(/Processing instruction/);
  });
});
