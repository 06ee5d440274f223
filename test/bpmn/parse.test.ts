import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BpmnParseError, DEFAULT_PARSE_LIMITS, parseBpmn, type ParseLimits } from '../../src/bpmn/parse.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/bpmn/${name}`, import.meta.url));
const fixtureText = (name: string) => fixture(name).toString('utf8');

const MODEL = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const doc = (body: string, attrs = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="${MODEL}" id="D"${attrs}>${body}</bpmn:definitions>`;

async function parseError(xml: string | Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<BpmnParseError> {
  const err = await parseBpmn(xml, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BpmnParseError);
  return err as BpmnParseError;
}

describe('parseBpmn', () => {
  it('shares one moddle instance between documents that declare the same extra namespaces, and keeps no document in it', async () => {
    const a = await parseBpmn(doc('<bpmn:process id="P1"><bpmn:task id="T" name="one" /></bpmn:process>'));
    const b = await parseBpmn(doc('<bpmn:process id="P2"><bpmn:task id="T" name="two" /></bpmn:process>'));
    const c = await parseBpmn(doc('<bpmn:process id="P3" />', ' xmlns:x="urn:test:other"'));
    expect(b.moddle).toBe(a.moddle);
    expect(c.moddle).not.toBe(a.moddle);
    // The same id in two documents is no duplicate: nothing of the first stays behind.
    expect(b.duplicateIds).toEqual([]);
    expect(b.warnings).toEqual([]);
    expect(a.definitions.rootElements[0].flowElements[0].name).toBe('one');
    expect(b.definitions.rootElements[0].flowElements[0].name).toBe('two');
  });

  it('reads a valid process into bpmn-moddle definitions without warnings', async () => {
    const parsed = await parseBpmn(fixtureText('minimal-process.bpmn'));
    expect(parsed.definitions.$type).toBe('bpmn:Definitions');
    const process = parsed.definitions.rootElements[0];
    expect(process.flowElements.map((e: any) => e.id)).toEqual(['Start_1', 'Task_1', 'End_1', 'Flow_1', 'Flow_2']);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.duplicateIds).toEqual([]);
  });

  it('accepts bytes as UTF-8, with or without a byte-order mark', async () => {
    const text = doc('<bpmn:process id="P"><bpmn:task id="T" name="Prüfen ✓ 🚀" /></bpmn:process>');
    for (const bytes of [Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]) {
      const parsed = await parseBpmn(bytes);
      expect(parsed.definitions.rootElements[0].flowElements[0].name).toBe('Prüfen ✓ 🚀');
    }
  });

  it('decodes UTF-16 announced by its byte-order mark', async () => {
    const text = doc('<bpmn:process id="P"><bpmn:task id="T" name="Größe" /></bpmn:process>').replace('UTF-8', 'UTF-16');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const parsed = await parseBpmn(bytes);
    expect(parsed.definitions.rootElements[0].flowElements[0].name).toBe('Größe');
  });

  it('takes an ASCII-only document that declares ISO-8859-1 without an encoding warning', async () => {
    const parsed = await parseBpmn(fixture('latin1-declared-ascii-only.bpmn'));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.definitions.rootElements[0].id).toBe('Process_1');
  });

  it('accepts the redundant declaration of the xml prefix', async () => {
    const parsed = await parseBpmn(doc('<bpmn:process id="P" xml:lang="en" />', ' xmlns:xml="http://www.w3.org/XML/1998/namespace"'));
    expect(parsed.definitions.rootElements[0].$attrs['xml:lang']).toBe('en');
  });

  it('honours ISO-8859-1 bytes above 0x7F', async () => {
    const text = doc('<bpmn:process id="P"><bpmn:task id="T" name="Caf\u00e9" /></bpmn:process>').replace('UTF-8', 'ISO-8859-1');
    const parsed = await parseBpmn(Buffer.from(text, 'latin1'));
    expect(parsed.definitions.rootElements[0].flowElements[0].name).toBe('Café');
  });

  it('refuses invalid UTF-8 instead of replacing bytes', async () => {
    const text = doc('<bpmn:process id="P"><bpmn:task id="T" name="Caf\u00e9" /></bpmn:process>');
    const err = await parseError(Buffer.from(text, 'latin1'));
    expect(err.message).toMatch(/not valid UTF-8 \(byte offset \d+\)/);
    expect(err.line).toBe(2);
  });

  it('refuses an encoding it does not support', async () => {
    const text = doc('<bpmn:process id="P" />').replace('UTF-8', 'Shift_JIS');
    expect((await parseError(Buffer.from(text))).message).toMatch(/encoding "shift_jis" is not supported; use UTF-8/);
  });

  it('turns moddle warnings into messages with element ids', async () => {
    const parsed = await parseBpmn(doc('<bpmn:process id="P"><bpmn:task id="T" /><bpmn:association id="A" sourceRef="T" targetRef="Nowhere" /></bpmn:process>'));
    expect(parsed.warnings).toEqual([
      { code: 'unresolved_reference', message: 'A refers to missing element "Nowhere" in bpmn:targetRef.', elementId: 'A' },
    ]);
    expect(parsed.unresolvedReferences).toEqual([{ elementId: 'A', property: 'bpmn:targetRef', ref: 'Nowhere' }]);
  });

  it('warns about an unknown element with its position', async () => {
    const parsed = await parseBpmn(fixtureText('unknown-element.bpmn'));
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toEqual({
      code: 'ignored_content',
      elementId: 'Frob_1',
      message: 'unknown type <bpmn:Frobnicator> (line 5, column 4, <bpmn:frobnicator>, in Frob_1); ignored by the importer.',
    });
  });

  it('names the nearest enclosing id for ignored content that has none', async () => {
    const xml = doc('<bpmn:process id="P">\n  <bpmn:task id="T"/>hello<bpmn:task id="U"/><x:thing xmlns:x="urn:x"/></bpmn:process>');
    const parsed = await parseBpmn(xml);
    expect(parsed.warnings.map((w) => [w.code, w.elementId, w.message.replace(/ \(.*\)/, '')])).toEqual([
      ['ignored_content', 'P', 'unexpected body text <hello>; ignored by the importer.'],
      ['ignored_content', 'P', 'unrecognized element <x:thing>; ignored by the importer.'],
      ['mixed_content', 'P', 'An element on line 2 mixes text with child elements; the text is kept, but written before its children.'],
    ]);
  });

  it('flags an id bpmn-moddle would refuse, since the element would be lost', async () => {
    const parsed = await parseBpmn(doc('<bpmn:process id="P"><bpmn:task id="Prüfung" /></bpmn:process>'));
    expect(parsed.warnings).toEqual([
      {
        code: 'illegal_id',
        elementId: 'Prüfung',
        message: expect.stringMatching(/^Id "Prüfung" \(line 2, column \d+, <bpmn:task>\) is not one bpmn-moddle accepts/),
      },
    ]);
  });

  it('warns that text mixed with child elements will not keep its place', async () => {
    const parsed = await parseBpmn(
      doc('<bpmn:process id="P"><bpmn:extensionElements>\n<a:x xmlns:a="urn:a">one<a:y/>two</a:x></bpmn:extensionElements></bpmn:process>'),
    );
    expect(parsed.warnings).toEqual([
      {
        code: 'mixed_content',
        elementId: 'P',
        message: 'An element on line 3 (in P) mixes text with child elements; the text is kept, but written before its children.',
      },
    ]);
  });

  it('reads xsd:boolean 1 and 0 as true and false (moddle alone reads every non-"true" as false)', async () => {
    const parsed = await parseBpmn(
      doc('<bpmn:process id="P" isExecutable="1"><bpmn:task id="T"/><bpmn:boundaryEvent id="B" attachedToRef="T" cancelActivity="0"/><bpmn:startEvent id="S" isInterrupting=" true "/></bpmn:process>'),
    );
    const process = parsed.definitions.rootElements[0];
    expect(process.isExecutable).toBe(true);
    expect(process.flowElements[1].cancelActivity).toBe(false);
    expect(process.flowElements[2].isInterrupting).toBe(true);
  });

  it('warns about booleans and numbers that are neither, naming the element', async () => {
    const parsed = await parseBpmn(doc('<bpmn:process id="P" isExecutable="maybe"><bpmn:task id="T" completionQuantity="many"/></bpmn:process>'));
    expect(parsed.warnings).toEqual([
      { code: 'invalid_value', elementId: 'P', message: 'isExecutable="maybe" on P is not a boolean (true, false, 1 or 0); it is read as false.' },
      { code: 'invalid_value', elementId: 'T', message: 'completionQuantity="many" on T is not a number; it is read as NaN.' },
    ]);
  });

  it('records ids that occur twice in the raw XML with their lines', async () => {
    const parsed = await parseBpmn(fixtureText('duplicate-ids.bpmn'));
    expect(parsed.duplicateIds).toEqual([{ id: 'Task_twice', lines: [5, 6] }]);
  });

  describe('refuses what is not a BPMN 2.0 document', () => {
    it.each([
      ['an empty string', '', /The document is empty/],
      ['only whitespace', '  \n ', /The document is empty/],
      ['plain text', 'hello, world', /Text before the root element: this is not XML/],
      ['JSON', '{"definitions": {}}', /Text before the root element: this is not XML/],
      ['a non-BPMN root', fixtureText('non-bpmn-root.xml'), /root element is <svg> in namespace http:\/\/www.w3.org\/2000\/svg/],
      ['definitions in another namespace', fixtureText('wrong-namespace-definitions.bpmn'), /root element is <definitions> in namespace http:\/\/www.omg.org\/spec\/DMN/],
      ['definitions in no namespace', '<definitions id="D"/>', /root element is <definitions> in no namespace/],
      ['truncated XML', fixtureText('truncated.bpmn'), /Attribute name of <bpmn:task> is never closed: truncated XML \(line 4, inside element Process_1\)\./],
      ['a document cut after a start tag', doc('<bpmn:process id="P">').replace('</bpmn:definitions>', ''), /ends before <bpmn:process> \(opened on line 2\) is closed: truncated XML/],
      ['a mismatched end tag', fixtureText('mismatched-end-tag.bpmn'), /End tag <\/bpmn:process> does not match <bpmn:task> \(line 4\)/],
      ['text after the root', `${doc('')}trailing`, /Text after the root element/],
      ['a second root', `${doc('')}<bpmn:definitions xmlns:bpmn="${MODEL}"/>`, /second root element/],
      ['an undeclared prefix', doc('<foo:bar />'), /Namespace prefix "foo" of <foo:bar> is not declared/],
      ['a duplicate attribute', doc('<bpmn:process id="P" name="a" name="b" />'), /<bpmn:process> has attribute name twice/],
      [
        'a duplicate among many attributes',
        doc(`<bpmn:process id="P" ${Array.from({ length: 30 }, (_, i) => `x:a${i}="${i}"`).join(' ')} x:a7="again" />`, ' xmlns:x="urn:x"'),
        /<bpmn:process> has attribute x:a7 twice/,
      ],
      ['one attribute through two prefixes', doc('<bpmn:process id="P" x:a="1" y:a="2" />', ' xmlns:x="urn:x" xmlns:y="urn:x"'), /<bpmn:process> has attribute y:a twice/],
      ['an unquoted attribute', doc('<bpmn:process id=P />'), /Attribute id of <bpmn:process> is not quoted/],
      ['a bare ampersand', doc('<bpmn:process id="P" name="R&D" />'), /A bare '&' is not allowed/],
      ['a control character', doc('<bpmn:process id="P" name="\u0001" />'), /Character U\+0001 is not allowed in XML/],
      ['the xml prefix bound elsewhere', doc('<bpmn:process id="P" xmlns:xml="urn:x" />'), /Namespace declaration xmlns:xml="urn:x" on <bpmn:process> is not allowed/],
      ['another prefix for the xml namespace', doc('', ' xmlns:x="http://www.w3.org/XML/1998/namespace"'), /Namespace declaration xmlns:x=.* is not allowed/],
      ['a lone surrogate', doc('<bpmn:process id="P" name="\uD800x" />'), /Character U\+D800 is not allowed in XML \(line 2\)/],
      ['a document cut inside a tag', `<bpmn:definitions xmlns:bpmn="${MODEL}" id="D"><`, /The document ends inside a tag: truncated XML/],
      ['an XML declaration that is not first', ` ${doc('')}`, /XML declaration must come first/],
    ])('%s', async (_case, xml, message) => {
      const err = await parseError(xml);
      expect(err.message).toMatch(message);
    });

    it('names the line and the nearest enclosing element id', async () => {
      const err = await parseError(doc('\n<bpmn:process id="Process_7">\n<bpmn:task id="T" name="a < b" /></bpmn:process>'));
      expect(err.message).toMatch(/Attribute name of <bpmn:task> contains '<'/);
      expect(err.line).toBe(4);
      expect(err.elementId).toBe('Process_7');
    });
  });

  describe('enforces its limits', () => {
    const limits: ParseLimits = { maxBytes: 10_000, maxDepth: 10, maxElements: 100, maxAttributeLength: 50, maxAttributeTotal: 500, maxAttributesPerElement: 8 };
    const nest = (depth: number) => '<bpmn:documentation>'.repeat(depth) + '</bpmn:documentation>'.repeat(depth);

    it('size, in bytes of UTF-8', async () => {
      const big = doc(`<bpmn:process id="P" name="${'é'.repeat(5_001)}" />`);
      expect((await parseError(big, { ...limits, maxAttributeLength: 1e6, maxAttributeTotal: 1e6 })).message).toMatch(
        /The document is 10\d{3} bytes; the limit is 10000 bytes/,
      );
    });

    it('nesting depth', async () => {
      await expect(parseBpmn(doc(nest(9)), limits)).resolves.toBeDefined();
      expect((await parseError(doc(nest(10)), limits)).message).toMatch(/nested deeper than 10 levels \(line 2, inside element D\)\./);
    });

    it('element count', async () => {
      const many = (n: number) => doc(`<bpmn:process id="P">${'<bpmn:task />'.repeat(n)}</bpmn:process>`);
      await expect(parseBpmn(many(98), limits)).resolves.toBeDefined();
      expect((await parseError(many(99), limits)).message).toMatch(/more than 100 elements/);
    });

    it('attribute length, total and count', async () => {
      expect((await parseError(doc(`<bpmn:process id="P" name="${'x'.repeat(51)}" />`), limits)).message).toMatch(
        /Attribute name of <bpmn:process> is 51 characters long; the limit is 50/,
      );
      const spread = Array.from({ length: 12 }, (_, i) => `<bpmn:task id="T${i}" name="${'x'.repeat(40)}" />`).join('');
      expect((await parseError(doc(`<bpmn:process id="P">${spread}</bpmn:process>`), limits)).message).toMatch(
        /Attribute values exceed 500 characters in total/,
      );
      const wide = Array.from({ length: 9 }, (_, i) => `a${i}="1"`).join(' ');
      expect((await parseError(doc(`<bpmn:process id="P" ${wide} />`), limits)).message).toMatch(/has more than 8 attributes/);
    });
  });
});
