// The export is a round trip: every MIWG reference file comes back semantically unchanged. Also checks that
// the comparison itself sees the differences it is there to see.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIWG_DIR } from '../helpers/shared.ts';
import { exportBpmn } from '../../src/bpmn/export.ts';
import { compareXml } from '../../src/bpmn/xml-compare.ts';
import { parseBpmn } from '../../src/bpmn/parse.ts';
import { importBpmn } from '../../src/bpmn/validate.ts';

const MIWG = MIWG_DIR;
const files = existsSync(MIWG) ? readdirSync(MIWG).filter((f) => f.endsWith('.bpmn')).sort() : [];
if (files.length === 0 && process.env.CI === 'true') throw new Error(`The MIWG reference files are required under CI: none in ${MIWG}.`);
if (files.length === 0) console.warn(`Skipping the MIWG round trip: no .bpmn files in ${MIWG} (set MIWG_DIR).`);

describe.runIf(files.length > 0)('MIWG round trip', () => {
  it('has all 21 reference files', () => {
    expect(files).toHaveLength(21);
  });

  it.each(files)('%s imports without errors and exports with zero semantic differences', async (file) => {
    const bytes = readFileSync(`${MIWG}/${file}`);
    const imported = await importBpmn(bytes);
    // Nothing was dropped or misread on the way in.
    const lossy = imported.warnings.filter((w) => ['ignored_content', 'mixed_content', 'invalid_value'].includes(w.code ?? ''));
    expect(lossy).toEqual([]);
    const out = await exportBpmn(imported.definitions, imported.moddle);
    expect(compareXml(bytes.toString('utf8'), out)).toBeNull();
    const again = await importBpmn(out);
    expect(again.stats).toEqual(imported.stats);
    expect(await exportBpmn(again.definitions, again.moddle)).toBe(out);
  });
});

describe('round trip of generated extension content', () => {
  // Prefixes that collide with bpmn-moddle's own (dc, bpmn, di) or with each other on purpose.
  const namespaces = [
    { prefix: 'acme', uri: 'urn:acme' },
    { prefix: 'dc', uri: 'http://purl.org/dc/elements/1.1/' },
    { prefix: 'bpmn2', uri: 'urn:other-bpmn' },
    { prefix: 'di', uri: 'urn:not-di' },
    { prefix: 'acme', uri: 'urn:acme-v2' },
  ];
  const escape = (value: string) =>
    value.replace(/[&<>"\t\r\n]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\r': '&#13;', '\n': '&#10;' })[c]!);
  const chars = fc.constantFrom(...'ab Z09_-.&<>"\'\t\r\n\u00e9\u4e2d\u{1F680}'.split(/(?:)/u));
  const value = fc.array(chars, { maxLength: 12 }).map((a) => a.join(''));
  const name = fc.constantFrom('meta', 'owner', 'cost', 'x', 'Item');
  type Gen = { ns: number; name: string; attrs: [number | null, string, string][]; text: string; children: Gen[] };
  const element: fc.Memo<Gen> = fc.memo((depth) =>
    fc.record({
      ns: fc.nat({ max: namespaces.length - 1 }),
      name,
      attrs: fc.uniqueArray(fc.tuple(fc.option(fc.nat({ max: namespaces.length - 1 })), name, value), {
        maxLength: 3,
        selector: ([ns, n]) => `${ns === null ? '' : namespaces[ns]!.uri}|${n}`,
      }),
      text: value,
      children: depth > 1 ? fc.array(element(depth - 1), { maxLength: 3 }) : fc.constant([]),
    }),
  );
  // Each element declares the namespaces it uses, so a prefix may mean different URIs in different places.
  const write = (e: Gen): string => {
    const used = new Map<string, string>([[namespaces[e.ns]!.prefix, namespaces[e.ns]!.uri]]);
    const attrs = e.attrs.filter(([ns]) => {
      if (ns === null) return true;
      const { prefix, uri } = namespaces[ns]!;
      if (used.has(prefix) && used.get(prefix) !== uri) return false; // one prefix, one URI per element
      used.set(prefix, uri);
      return true;
    });
    const decls = [...used].map(([p, u]) => ` xmlns:${p}="${u}"`).join('');
    const attrText = attrs.map(([ns, n, v]) => ` ${ns === null ? '' : `${namespaces[ns]!.prefix}:`}${n}="${escape(v)}"`).join('');
    const tag = `${namespaces[e.ns]!.prefix}:${e.name}`;
    // Text only in leaves: bpmn-moddle does not keep text between children (see the mixed_content warning).
    const body = e.children.length > 0 ? e.children.map(write).join('') : escape(e.text);
    return `<${tag}${decls}${attrText}>${body}</${tag}>`;
  };

  const foreignAttributes = fc.uniqueArray(fc.tuple(fc.nat({ max: namespaces.length - 1 }), name, value), {
    maxLength: 3,
    selector: ([ns, n]) => `${namespaces[ns]!.prefix}|${n}`,
  });
  const writeForeign = (attrs: [number, string, string][]) => {
    const used = new Map<string, string>();
    const kept = attrs.filter(([ns]) => {
      const { prefix, uri } = namespaces[ns]!;
      if (used.has(prefix) && used.get(prefix) !== uri) return false;
      used.set(prefix, uri);
      return true;
    });
    return [...used].map(([p, u]) => ` xmlns:${p}="${u}"`).join('') + kept.map(([ns, n, v]) => ` ${namespaces[ns]!.prefix}:${n}="${escape(v)}"`).join('');
  };

  it('keeps random extension elements, attributes and text in conflicting namespaces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(element(3), { minLength: 1, maxLength: 3 }), value, foreignAttributes, async (extensions, label, onTask) => {
        const xml =
          `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P">` +
          `<bpmn:documentation>${escape(label)}</bpmn:documentation>` +
          `<bpmn:extensionElements>${extensions.map(write).join('')}</bpmn:extensionElements>` +
          `<bpmn:task id="T" name="${escape(label)}"${writeForeign(onTask)}/></bpmn:process></bpmn:definitions>`;
        const parsed = await parseBpmn(xml);
        expect(parsed.warnings).toEqual([]);
        expect(compareXml(xml, await exportBpmn(parsed.definitions, parsed.moddle))).toBeNull();
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });
});

describe('compareXml', () => {
  const base = `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:acme="urn:acme" id="D">
  <bpmn:process id="P"><bpmn:task id="T" name="Check" acme:cost="3"/><bpmn:documentation>Why</bpmn:documentation></bpmn:process>
</bpmn:definitions>`;

  it('sees no difference in prefixes, attribute order, whitespace, quoting, escaping or number spelling', () => {
    const same = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id='D' xmlns:x="urn:acme">
      <process id="P">
        <task x:cost="3.0" name="Chec&#107;" id="T"></task>
        <documentation>  <![CDATA[Why]]>  </documentation>
      </process></definitions>`;
    expect(compareXml(base, same)).toBeNull();
  });

  it('reports a changed attribute with its path', () => {
    expect(compareXml(base, base.replace('name="Check"', 'name="Chek"'))).toEqual({
      path: '/definitions/process[@id=P]/task[@id=T]',
      message: 'attribute {}name changed from "Check" to "Chek"',
    });
  });

  it('reports a dropped attribute, including one in another namespace', () => {
    expect(compareXml(base, base.replace(' acme:cost="3"', ''))?.message).toBe('attribute {urn:acme}cost (="3") is missing');
  });

  it('reports a dropped element', () => {
    expect(compareXml(base, base.replace('<bpmn:documentation>Why</bpmn:documentation>', ''))).toEqual({
      path: '/definitions/process[@id=P]/documentation',
      message: 'element {http://www.omg.org/spec/BPMN/20100524/MODEL}documentation is missing',
    });
  });

  it('reports a dropped namespace declaration', () => {
    const declared = base.replace('id="D">', 'xmlns:unused="urn:unused" id="D">');
    expect(compareXml(declared, base)).toEqual({ path: '/', message: 'namespace urn:unused is no longer declared' });
  });

  it('reports an element moved to another namespace, changed text and reordered children', () => {
    expect(compareXml(base, base.replace('acme:cost', 'bpmn:cost'))?.message).toMatch(/attribute \{urn:acme\}cost/);
    expect(compareXml(base, base.replace('>Why<', '>Because<'))?.message).toBe('text changed from "Why" to "Because"');
    const swapped = base.replace(
      '<bpmn:task id="T" name="Check" acme:cost="3"/><bpmn:documentation>Why</bpmn:documentation>',
      '<bpmn:documentation>Why</bpmn:documentation><bpmn:task id="T" name="Check" acme:cost="3"/>',
    );
    expect(compareXml(base, swapped)?.message).toMatch(/element \{.*\}task became \{.*\}documentation/);
  });

  it('sees where text stands between child elements', () => {
    const mixed = base.replace('>Why<', '>Why<bpmn:text/>not<');
    expect(compareXml(mixed, mixed.replace('>Why<bpmn:text/>not<', '>Whynot<bpmn:text/><'))).toEqual({
      path: '/definitions/process[@id=P]/documentation',
      message: 'text changed from "0:Why|1:not" to "Whynot"',
    });
  });

  it('tells a character reference for a line break from a literal one, as XML does', () => {
    const a = base.replace('name="Check"', 'name="a&#10;b"');
    expect(compareXml(a, base.replace('name="Check"', 'name="a\nb"'))?.message).toBe('attribute {}name changed from "a\nb" to "a b"');
  });
});
