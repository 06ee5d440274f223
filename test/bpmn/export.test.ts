import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportBpmn } from '../../src/bpmn/export.ts';
import { parseBpmn } from '../../src/bpmn/parse.ts';
import { compareXml } from '../../src/bpmn/xml-compare.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/bpmn/${name}`, import.meta.url), 'utf8');
const MODEL = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const doc = (body: string, attrs = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="${MODEL}" id="D"${attrs}>${body}</bpmn:definitions>`;

async function roundTrip(xml: string): Promise<string> {
  const { definitions, moddle } = await parseBpmn(xml);
  return exportBpmn(definitions, moddle);
}

describe('exportBpmn', () => {
  it('writes formatted UTF-8 BPMN that says the same as the input', async () => {
    const xml = fixture('minimal-process.bpmn');
    const out = await roundTrip(xml);
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions')).toBe(true);
    expect(out).toContain('\n    <bpmn:task id="Task_1" name="Check order" />');
    expect(compareXml(xml, out)).toBeNull();
  });

  it('keeps extension elements and attributes, unused namespaces, documentation, CR and tab characters', async () => {
    const xml = fixture('extensions-roundtrip.bpmn');
    const out = await roundTrip(xml);
    expect(compareXml(xml, out)).toBeNull();
    expect(out).toContain('xmlns:unused="http://unused.example/ns"');
    expect(out).toContain('name="Line one&#13;&#10;line&#9;two"');
    expect(out).toMatch(/ acme\.a0:team="ops"/); // an alias: moddle would write acme:team without its prefix
    expect(out).toContain('xmlns:acme.a0="http://acme.example/bpmn"');
    expect(out).toContain('team="ops-plain"');
  });

  it('keeps an attribute written with its default value', async () => {
    const out = await roundTrip(fixture('extensions-roundtrip.bpmn'));
    expect(out).toContain('isInterrupting="true"');
    expect(out).toContain('completionQuantity="1"');
    expect(out).toContain('isExecutable="false"');
  });

  it('keeps xsi:type where the document wrote it, and a substitution-group element name', async () => {
    const xml = `<bpmn:definitions xmlns:bpmn="${MODEL}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D">
      <bpmn:process id="P">
        <bpmn:userTask id="T">
          <bpmn:potentialOwner id="O1"><bpmn:resourceAssignmentExpression id="R1"><bpmn:formalExpression>a</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
          <bpmn:potentialOwner id="O2"><bpmn:resourceAssignmentExpression id="R2"><bpmn:expression xsi:type="bpmn:tFormalExpression">b</bpmn:expression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
        </bpmn:userTask>
        <bpmn:sequenceFlow id="F1" sourceRef="T" targetRef="T"><bpmn:conditionExpression xsi:type="bpmn:tExpression">x</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="T"><bpmn:conditionExpression>y</bpmn:conditionExpression></bpmn:sequenceFlow>
      </bpmn:process></bpmn:definitions>`;
    const out = await roundTrip(xml);
    expect(compareXml(xml, out)).toBeNull();
    expect(out).toContain('<bpmn:formalExpression>a</bpmn:formalExpression>');
    expect(out).toContain('<bpmn:conditionExpression xsi:type="bpmn:tExpression">x</bpmn:conditionExpression>');
    expect(out).toContain('<bpmn:conditionExpression>y</bpmn:conditionExpression>');
  });

  it.each([
    ['a Dublin Core dc: next to the DI dc:', `<bpmn:definitions xmlns:bpmn="${MODEL}" xmlns:dc="http://purl.org/dc/elements/1.1/" id="D"><bpmn:process id="P" dc:creator="me"><bpmn:extensionElements><dc:title>T</dc:title></bpmn:extensionElements></bpmn:process></bpmn:definitions>`],
    ['a prefix bound again further down', `<bpmn:definitions xmlns:bpmn="${MODEL}" xmlns:q="urn:q1" id="D"><bpmn:process id="P" q:z="0"><bpmn:extensionElements><q:meta xmlns:q="urn:q2" q:a="1"/><q:meta q:a="2"/></bpmn:extensionElements></bpmn:process></bpmn:definitions>`],
    ['bpmn: bound to another namespace', `<definitions xmlns="${MODEL}" xmlns:bpmn="urn:not-bpmn" id="D"><process id="P" bpmn:x="1"><extensionElements><bpmn:thing/></extensionElements></process></definitions>`],
    ['a default namespace on an extension element', `<bpmn:definitions xmlns:bpmn="${MODEL}" id="D"><bpmn:process id="P"><bpmn:extensionElements><meta xmlns="urn:meta" a="1"><inner>t</inner></meta></bpmn:extensionElements></bpmn:process></bpmn:definitions>`],
    ['one namespace under two prefixes', `<bpmn:definitions xmlns:bpmn="${MODEL}" xmlns:a="urn:q" xmlns:b="urn:q" id="D"><bpmn:process id="P" a:x="1" b:y="2"/></bpmn:definitions>`],
  ])('keeps namespaces apart with %s', async (_case, xml) => {
    expect(compareXml(xml, await roundTrip(xml))).toBeNull();
  });

  it('writes booleans as the document spelled them, unless the model changed them', async () => {
    const xml = `<bpmn:definitions xmlns:bpmn="${MODEL}" id="D"><bpmn:process id="P" isExecutable="1"><bpmn:startEvent id="S" isInterrupting="0"/></bpmn:process></bpmn:definitions>`;
    const { definitions, moddle } = await parseBpmn(xml);
    const out = await exportBpmn(definitions, moddle);
    expect(out).toContain('isExecutable="1"');
    expect(compareXml(xml, out)).toBeNull();
    definitions.rootElements[0].flowElements[0].isInterrupting = true;
    const changed = await exportBpmn(definitions, moddle);
    expect(changed).toContain('isInterrupting="true"');
    expect(definitions.rootElements[0].isExecutable).toBe(true);
  });

  it('writes back a reference to an id that exists nowhere', async () => {
    const xml = `<bpmn:definitions xmlns:bpmn="${MODEL}" id="D"><bpmn:interface id="I" name="i"><bpmn:operation id="O" name="o"><bpmn:inMessageRef>nowhere</bpmn:inMessageRef></bpmn:operation></bpmn:interface></bpmn:definitions>`;
    const parsed = await parseBpmn(xml);
    expect(parsed.warnings.map((w) => w.elementId)).toEqual(['O']);
    const out = await exportBpmn(parsed.definitions, parsed.moddle);
    expect(compareXml(xml, out)).toBeNull();
    expect(parsed.definitions.rootElements[0].operations[0].inMessageRef).toBeUndefined();
  });

  it('leaves the model and moddle as they were: defaults still read, same output twice', async () => {
    const { definitions, moddle } = await parseBpmn(fixture('minimal-process.bpmn'));
    const first = await exportBpmn(definitions, moddle);
    const task = definitions.rootElements[0].flowElements[1];
    expect(task.completionQuantity).toBe(1);
    expect(task.$descriptor.propertiesByName.completionQuantity.default).toBe(1);
    expect(Object.hasOwn(task, '$descriptor')).toBe(false);
    expect(await exportBpmn(definitions, moddle)).toBe(first);
  });

  it('leaves every schema default in place for documents parsed after an export (moddle instances are shared)', async () => {
    // A namespace of its own gives these documents a moddle instance no other test has exported with.
    const ns = ' xmlns:t="urn:test:defaults-after-export"';
    const first = await parseBpmn(doc('<bpmn:process id="P"><bpmn:task id="T" /></bpmn:process>', ns));
    await exportBpmn(first.definitions, first.moddle);
    const second = await parseBpmn(
      doc(
        '<bpmn:process id="P"><bpmn:startEvent id="S" /><bpmn:userTask id="U" /><bpmn:boundaryEvent id="B" attachedToRef="U" />' +
          '<bpmn:callActivity id="C" /><bpmn:dataObject id="O" /></bpmn:process>',
        ns,
      ),
    );
    expect(second.moddle).toBe(first.moddle);
    const [start, user, boundary, call, data] = second.definitions.rootElements[0].flowElements;
    expect(start.isInterrupting).toBe(true);
    expect(user.completionQuantity).toBe(1);
    expect(boundary.cancelActivity).toBe(true);
    expect(call.startQuantity).toBe(1);
    expect(data.isCollection).toBe(false);
  });

  it('exports a model built in code, without the defaults it never set', async () => {
    const { moddle } = await parseBpmn(fixture('minimal-process.bpmn'));
    const task = moddle.create('bpmn:Task', { id: 'Task_new', name: 'Ship' });
    const process = moddle.create('bpmn:Process', { id: 'Process_new', flowElements: [task] });
    const definitions = moddle.create('bpmn:Definitions', { id: 'D', targetNamespace: 'urn:x', rootElements: [process] });
    const out = await exportBpmn(definitions, moddle);
    expect(out).toContain('<bpmn:task id="Task_new" name="Ship" />');
    expect(out).not.toContain('completionQuantity');
    expect((await parseBpmn(out)).definitions.rootElements[0].flowElements[0].name).toBe('Ship');
  });
});
