// The render-only reader must give renderSvg exactly what bpmn-moddle gives it (byte-identical SVG), and must
// never read a document the full import path refuses.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProcess } from '../../../src/generate/generate.ts';
import { BuiltinProvider } from '../../../src/generate/providers/builtin/builtin-provider.ts';
import { BpmnParseError, parseBpmn } from '../../../src/bpmn/parse.ts';
import { readForRender } from '../../../src/bpmn/render/read/reader.ts';
import { renderSvgFromXml } from '../../../src/bpmn/render/svg-from-xml.ts';
import { renderSvg } from '../../../src/bpmn/render/svg.ts';
import { GEN_EVAL_DIR, MIWG_DIR, miwgFiles } from '../../helpers/shared.ts';

const RENDER_FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const BPMN_FIXTURES = new URL('../../fixtures/bpmn/', import.meta.url).pathname;
const MODEL = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

const files = [
  ...miwgFiles().map((f) => `${MIWG_DIR}/${f}`),
  ...readdirSync(RENDER_FIXTURES).filter((f) => f.endsWith('.bpmn')).map((f) => RENDER_FIXTURES + f),
  ...readdirSync(BPMN_FIXTURES).filter((f) => /\.(bpmn|xml)$/.test(f)).map((f) => BPMN_FIXTURES + f),
];

/** The full path's SVG, or its error message. */
async function full(xml: string, theme: 'light' | 'dark' = 'light'): Promise<string> {
  return parseBpmn(xml).then(
    ({ definitions }) => renderSvg(definitions, { theme }),
    (e: unknown) => {
      if (e instanceof BpmnParseError) return `refused: ${e.message}`;
      throw e;
    },
  );
}

/** The product's path (lean reader, full parse when it declines), SVG or error message. */
async function product(xml: string, theme: 'light' | 'dark' = 'light'): Promise<string> {
  return renderSvgFromXml(xml, { theme }).catch((e: unknown) => {
    if (e instanceof BpmnParseError) return `refused: ${e.message}`;
    throw e;
  });
}

/** Renders with the lean reader alone; fails the test if it declines the document. */
function lean(xml: string, theme: 'light' | 'dark' = 'light'): string {
  const definitions = readForRender(xml);
  expect(definitions, 'the lean reader declined').not.toBeNull();
  return renderSvg(definitions!, { theme });
}

const doc = (body: string, ns = `xmlns:bpmn="${MODEL}"`) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${ns} xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ` +
  `xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" ` +
  `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D">${body}</bpmn:definitions>`;

const shape = (id: string, x: number, y: number, w: number, h: number, extra = '') =>
  `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${extra}><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}"/></bpmndi:BPMNShape>`;
const edge = (id: string, points: [number, number][]) =>
  `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}"/>`).join('')}</bpmndi:BPMNEdge>`;

describe('lean reader: byte-identical SVG', () => {
  it.each(files)('%s, both themes', async (file) => {
    const xml = readFileSync(file, 'utf8');
    const expected = await full(xml);
    if (expected.startsWith('refused')) {
      expect(readForRender(xml)).toBeNull();
      expect(await product(xml)).toBe(expected);
      return;
    }
    expect(lean(xml, 'light')).toBe(expected);
    expect(lean(xml, 'dark')).toBe(await full(xml, 'dark'));
  });

  it('reads generated diagrams exactly as bpmn-moddle does', async () => {
    const texts = readFileSync(`${GEN_EVAL_DIR}/dev.jsonl`, 'utf8').trim().split('\n').slice(0, 12).map((l) => JSON.parse(l).text as string);
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      const { xml } = await generateProcess({ prompt: text }, new BuiltinProvider());
      expect(lean(xml, 'light')).toBe(await full(xml, 'light'));
      expect(lean(xml, 'dark')).toBe(await full(xml, 'dark'));
    }
  });

  it('resolves namespace prefixes however the document spells them', async () => {
    const body = (p: string) =>
      `<${p}process id="P"><${p}task id="T" name="Check &amp; pay"/><${p}exclusiveGateway id="G"/>` +
      `<${p}sequenceFlow id="F" sourceRef="T" targetRef="G"/></${p}process>` +
      `<bpmndi:BPMNDiagram id="Di"><bpmndi:BPMNPlane id="Pl" bpmnElement="P">${shape('T', 100, 100, 100, 80)}` +
      `${shape('G', 250, 115, 50, 50, ' isMarkerVisible="true"')}${edge('F', [[200, 140], [250, 140]])}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
    const reference = lean(doc(body('bpmn:')));
    const variants = [
      doc(body('semantic:'), `xmlns:semantic="${MODEL}"`).replace(/<bpmn:definitions/, '<semantic:definitions').replace(/<\/bpmn:definitions>/, '</semantic:definitions>'),
      doc(body(''), `xmlns="${MODEL}"`).replace(/<bpmn:definitions/, '<definitions').replace(/<\/bpmn:definitions>/, '</definitions>'),
      doc(body('bpmn2:'), `xmlns:bpmn2="${MODEL}" xmlns:bpmn="urn:not-bpmn"`).replace(/<bpmn:definitions/, '<bpmn2:definitions').replace(/<\/bpmn:definitions>/, '</bpmn2:definitions>'),
    ];
    for (const xml of variants) {
      expect(await full(xml)).toBe(reference);
      expect(lean(xml)).toBe(reference);
    }
  });

  it('mirrors bpmn-moddle on entities, booleans, ids, references, typed and text content', async () => {
    const body =
      `<bpmn:process id="P">` +
      `<bpmn:startEvent id="S" name="Line&#10;break &#x1F600; &lt;x&gt; &quot;q&quot;" isInterrupting="0"/>` +
      `<bpmn:task id="T" name="  spaced   name  "><bpmn:multiInstanceLoopCharacteristics id="L" isSequential=" 1 "/></bpmn:task>` +
      `<bpmn:task id="T" name="duplicate, dropped"/><bpmn:task id="9bad" name="illegal id, dropped"/>` +
      `<bpmn:exclusiveGateway id="G" default="F2"/>` +
      `<bpmn:sequenceFlow id="F" sourceRef="T" targetRef="G"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">x</bpmn:conditionExpression></bpmn:sequenceFlow>` +
      `<bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="nowhere"/>` +
      `<bpmn:textAnnotation id="A"><bpmn:text>one <!-- c --> two <![CDATA[<three> & four]]></bpmn:text></bpmn:textAnnotation>` +
      `<bpmn:dataObjectReference id="DR" dataObjectRef="DO"/><bpmn:dataObject id="DO" isCollection="true"/>` +
      `<bpmn:task id="T2"><bpmn:dataInputAssociation id="DA"><bpmn:sourceRef>DR</bpmn:sourceRef><bpmn:targetRef>T2</bpmn:targetRef></bpmn:dataInputAssociation></bpmn:task>` +
      `<bpmn:extensionElements><x:any xmlns:x="urn:x" id="S"/></bpmn:extensionElements>` +
      `</bpmn:process>` +
      `<bpmndi:BPMNDiagram id="Di"><bpmndi:BPMNPlane id="Pl" bpmnElement="P">` +
      shape('S', 10, 10, 36, 36) + shape('T', 100, 0, 100, 80) + shape('G', 250, 15, 50, 50, ' isMarkerVisible="1"') +
      shape('A', 100, 150, 150, 60) + shape('DR', 300, 150, 36, 50) + shape('T2', 400, 100, 100, 80) +
      edge('F', [[200, 40], [250, 40]]) + edge('F2', [[300, 40], [350, 40]]) + edge('DA', [[336, 170], [400, 140]]) +
      `</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
    const xml = doc(body);
    const expected = await full(xml);
    expect(expected).toContain('data-marker="sequential"');
    expect(lean(xml)).toBe(expected);
    expect(lean(xml, 'dark')).toBe(await full(xml, 'dark'));
  });

  it('reads DI colours in any prefix', async () => {
    const body =
      `<bpmn:process id="P"><bpmn:task id="T" name="Coloured"/></bpmn:process>` +
      `<bpmndi:BPMNDiagram id="Di"><bpmndi:BPMNPlane id="Pl" bpmnElement="P">` +
      `<bpmndi:BPMNShape id="T_di" bpmnElement="T" b:fill="#ffe0e0" b:stroke="rgb(200, 0, 0)" c:background-color="red">` +
      `<dc:Bounds x="0" y="0" width="100" height="80"/><bpmndi:BPMNLabel c:color="#0000ff"/></bpmndi:BPMNShape>` +
      `</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
    const xml = doc(body, `xmlns:bpmn="${MODEL}" xmlns:b="http://bpmn.io/schema/bpmn/biocolor/1.0" xmlns:c="http://www.omg.org/spec/BPMN/non-normative/color/1.0"`);
    const expected = await full(xml);
    expect(expected).toContain('#ff0000');
    expect(lean(xml)).toBe(expected);
    expect(lean(xml, 'dark')).toBe(await full(xml, 'dark'));
  });
});

describe('lean reader: hostile and malformed XML', () => {
  const open = `<bpmn:definitions xmlns:bpmn="${MODEL}" id="D">`;
  const close = '</bpmn:definitions>';
  const hostile = [
    readFileSync(`${BPMN_FIXTURES}billion-laughs.bpmn`, 'utf8'),
    readFileSync(`${BPMN_FIXTURES}external-entity-file.bpmn`, 'utf8'),
    readFileSync(`${BPMN_FIXTURES}external-entity-http.bpmn`, 'utf8'),
    readFileSync(`${BPMN_FIXTURES}processing-instruction.bpmn`, 'utf8'),
    readFileSync(`${BPMN_FIXTURES}undeclared-entity.bpmn`, 'utf8'),
    readFileSync(`${BPMN_FIXTURES}truncated.bpmn`, 'utf8'),
    readFileSync(`${BPMN_FIXTURES}mismatched-end-tag.bpmn`, 'utf8'),
    readFileSync(`${BPMN_FIXTURES}non-bpmn-root.xml`, 'utf8'),
    readFileSync(`${BPMN_FIXTURES}wrong-namespace-definitions.bpmn`, 'utf8'),
    `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY big "${'x'.repeat(1000)}">]>${open}<bpmn:process id="P" name="&big;"/>${close}`,
    `<?xml version="1.0"?>\n<?xml-stylesheet href="http://127.0.0.1:1/s.xsl"?>\n${open}${close}`,
    `${open}${'<bpmn:documentation>'.repeat(200)}${'</bpmn:documentation>'.repeat(200)}${close}`,
    `${open}<bpmn:process id="P" name="${'A'.repeat(300 * 1024)}"/>${close}`,
    `${open}<bpmn:process id="P" ${Array.from({ length: 600 }, (_, i) => `a${i}="1"`).join(' ')}/>${close}`,
    `${open}<bpmn:process id="P">${'<bpmn:task/>'.repeat(50_001)}</bpmn:process>${close}`,
    `${open}<bpmn:process id="P" name="a\u0001b"/>${close}`,
    `${open}<bpmn:process id="P" name="\uD800"/>${close}`,
    `${open}<bpmn:process id="P" name="&#0;"/>${close}`,
    `${open}<bpmn:process id="P" name="a & b"/>${close}`,
    `${open}<bpmn:process id="P" name="a < b"/>${close}`,
    // References are checked in every attribute value, also in those moddle never reads.
    `${open}<bpmn:process id="P" xmlns:x="urn:x" x:v="&#xD800;"/>${close}`,
    `${open}<bpmn:process id="P" xmlns:x="urn:x" x:v="a &foo; b"/>${close}`,
    `${open}<bpmn:process id="P"><bpmn:extensionElements><x:a xmlns:x="urn:x" v="a & b"/></bpmn:extensionElements></bpmn:process>${close}`,
    `${open}<bpmn:process id="P"><bpmn:task id="T" unknown="&bad;"/></bpmn:process>${close}`,
    `${open}<bpmn:process id="P" name="x" name="y"/>${close}`,
    `${open}<bpmn:process id="P" bpmn:id="Q" xmlns:q="${MODEL}" q:id="R"/>${close}`,
    `${open}<q:process id="P"/>${close}`,
    `${open}<bpmn:process id="P">]]></bpmn:process>${close}`,
    `${open}${close}<bpmn:definitions/>`,
    `${open}${close} trailing`,
    `leading ${open}${close}`,
    `<html><body>hi</body></html>`,
    `${open}<bpmn:process id="P" xmlns:xml="urn:x"/>${close}`,
    `${open}<bpmn:process id="P" xmlns:p=""/>${close}`,
    `${open}<bpmn:process id="P"a="1"/>${close}`,
    '',
    '   ',
  ];

  it('declines every hostile input, and the product path refuses it with the import path\'s exact error', async () => {
    for (const xml of hostile) {
      expect(readForRender(xml)).toBeNull();
      const expected = await full(xml);
      expect(expected).toMatch(/^refused: /);
      expect(await product(xml)).toBe(expected);
    }
  });

  it('declines a document over the size limit', () => {
    const xml = `${open}<bpmn:process id="P" name="${'é'.repeat(600)}"/>${close}`;
    expect(readForRender(xml, { maxBytes: 1000, maxDepth: 100, maxElements: 100 })).toBeNull();
    expect(readForRender(xml, { maxBytes: 2000, maxDepth: 100, maxElements: 100 })).not.toBeNull();
  });

  it('answers any mutation of a valid document exactly as the full path does', async () => {
    const valid = readFileSync(`${MIWG_DIR}/A.2.0.bpmn`, 'utf8');
    const pieces = [
      '<', '>', '&', '"', "'", '/', '<!DOCTYPE x>', '<?pi?>', ']]>', 'xmlns:bpmn="urn:other"', '\u0000', '\uD800', 'é', '&#10;', '&amp;',
      '<semantic:task id="Task_Check"/>', 'sourceRef="nope"', 'isMarkerVisible="1"', '<!-- c -->', '<![CDATA[x]]>', ' id="1x"',
      '<q:x xmlns:q="urn:q" q:a="1"/>', 'xsi:type="tFormalExpression"', '<semantic:text>t</semantic:text>',
    ];
    let leanRead = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: valid.length }), fc.nat({ max: 40 }), fc.constantFrom(...pieces), async (at, cut, piece) => {
        const mutated = valid.slice(0, at) + piece + valid.slice(Math.min(valid.length, at + cut));
        if (readForRender(mutated)) leanRead++;
        expect(await product(mutated)).toBe(await full(mutated));
      }),
      { numRuns: 300, seed: 4711 },
    );
    // Most mutations land in text or attributes and stay readable: the fast path is what is being compared.
    expect(leanRead).toBeGreaterThan(50);
  });
});
