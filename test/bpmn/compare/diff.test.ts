// The semantic diff: a document against itself is empty; each edit a modeller makes shows as exactly that change;
// unreadable documents fail with the import's own error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffBpmn } from '../../../src/bpmn/compare/diff.ts';
import { exportBpmn } from '../../../src/bpmn/export.ts';
import { BpmnParseError, BPMN_DI_NS, DD_DC_NS, parseBpmn } from '../../../src/bpmn/parse.ts';
import { importBpmn } from '../../../src/bpmn/validate.ts';
import { MIWG_DIR, miwgFiles } from '../../helpers/shared.ts';
import { changeTag, deleteElement, insertInto, moveShape, prefixOf, setAttribute, setChildText } from './edit-xml.ts';

const c10 = readFileSync(join(MIWG_DIR, 'C.1.0.bpmn'), 'utf8');
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/bpmn/${name}`, import.meta.url), 'utf8');
const empty = { added: [], removed: [], changed: [], layout_changed: [] };

describe('diffBpmn', () => {
  it.each(miwgFiles())('finds no difference between %s and itself, nor its exported round trip', async (file) => {
    const xml = readFileSync(join(MIWG_DIR, file), 'utf8');
    expect(await diffBpmn(xml, xml)).toEqual(empty);
    const { definitions, moddle } = await parseBpmn(xml);
    expect(await diffBpmn(xml, await exportBpmn(definitions, moddle))).toEqual(empty);
  });

  it('reports a renamed task as a name change', async () => {
    const edited = setAttribute(c10, 'assignApprover', 'name', 'Pick an approver');
    expect(await diffBpmn(c10, edited)).toEqual({
      ...empty,
      changed: [{ id: 'assignApprover', type: 'bpmn:UserTask', name: 'Pick an approver', attributes: { name: ['Assign\nApprover', 'Pick an approver'] } }],
    });
  });

  it('reports a deleted task and its flows as removed, and nothing else', async () => {
    let edited = deleteElement(c10, 'archiveInvoice');
    edited = deleteElement(edited, 'SequenceFlow_2');
    edited = deleteElement(edited, 'SequenceFlow_3');
    expect(await diffBpmn(c10, edited)).toEqual({
      ...empty,
      removed: [
        { id: 'SequenceFlow_2', type: 'bpmn:SequenceFlow', name: null },
        { id: 'SequenceFlow_3', type: 'bpmn:SequenceFlow', name: null },
        { id: 'archiveInvoice', type: 'bpmn:ServiceTask', name: 'Archive\nInvoice' },
      ],
    });
    // The other way round, the same elements are added.
    expect((await diffBpmn(edited, c10)).added.map((e) => e.id)).toEqual(['SequenceFlow_2', 'SequenceFlow_3', 'archiveInvoice']);
  });

  it('reports an added task, with its lane', async () => {
    const dc = prefixOf(c10, DD_DC_NS);
    const di = prefixOf(c10, BPMN_DI_NS);
    let edited = c10.replace('<flowNodeRef>archiveInvoice</flowNodeRef>', '<flowNodeRef>archiveInvoice</flowNodeRef><flowNodeRef>Task_audit</flowNodeRef>');
    edited = edited.replace(/(<userTask id="prepareBankTransfer")/, '<task id="Task_audit" name="Audit payment"/>$1');
    const plane = /<(?:[\w-]+:)?BPMNPlane[^>]*\sid="([^"]+)"/.exec(edited)![1]!;
    edited = insertInto(edited, plane, `<${di}BPMNShape id="Task_audit_di" bpmnElement="Task_audit"><${dc}Bounds x="795" y="780" width="100" height="80"/></${di}BPMNShape>`);
    expect(await diffBpmn(c10, edited)).toEqual({ ...empty, added: [{ id: 'Task_audit', type: 'bpmn:Task', name: 'Audit payment' }] });
    const attributes = (await diffBpmn(edited, setAttribute(edited, 'Task_audit', 'name', 'Audit'))).changed[0]!.attributes;
    expect(attributes).toEqual({ name: ['Audit payment', 'Audit'] });
  });

  it('reports a changed task type, keeping what the types share', async () => {
    const edited = changeTag(c10, 'sid-05039C4F-59F7-4CBD-8C84-D35E27C7B5EF', 'userTask');
    expect(await diffBpmn(c10, edited)).toEqual({
      ...empty,
      changed: [{ id: 'sid-05039C4F-59F7-4CBD-8C84-D35E27C7B5EF', type: 'bpmn:UserTask', name: 'Scan Invoice', attributes: { type: ['bpmn:Task', 'bpmn:UserTask'] } }],
    });
  });

  it('reports a moved shape as a layout change only', async () => {
    const edited = moveShape(c10, 'approveInvoice', 30, -10);
    expect(await diffBpmn(c10, edited)).toEqual({ ...empty, layout_changed: [{ id: 'approveInvoice', type: 'bpmn:UserTask', name: 'Approve Invoice' }] });
  });

  it('reports a retargeted flow on the flow, not on its old and new targets', async () => {
    const edited = setAttribute(c10, 'sequenceFlow_178', 'targetRef', 'reviewInvoice');
    expect(await diffBpmn(c10, edited)).toEqual({
      ...empty,
      changed: [{ id: 'sequenceFlow_178', type: 'bpmn:SequenceFlow', name: null, attributes: { targetRef: ['approveInvoice', 'reviewInvoice'] } }],
    });
  });

  it('reports a changed condition with the old and new expression', async () => {
    const edited = setChildText(c10, 'invoiceApproved', 'conditionExpression', '${approved &amp;&amp; amount &lt; 1000}');
    expect(await diffBpmn(c10, edited)).toEqual({
      ...empty,
      changed: [{ id: 'invoiceApproved', type: 'bpmn:SequenceFlow', name: 'yes', attributes: { conditionExpression: ['${approved}', '${approved && amount < 1000}'] } }],
    });
  });

  it('reports a node moved to another lane as a lane change on the node', async () => {
    let edited = c10.replace('<flowNodeRef>reviewInvoice</flowNodeRef>', '');
    edited = insertInto(edited, 'Approver', '<flowNodeRef>reviewInvoice</flowNodeRef>');
    expect(await diffBpmn(c10, edited)).toEqual({
      ...empty,
      changed: [{ id: 'reviewInvoice', type: 'bpmn:UserTask', name: 'Rechnung klären', attributes: { lane: ['teamAssistant', 'Approver'] } }],
    });
  });

  it('reports event definitions, defaults and extension attributes', async () => {
    let edited = setAttribute(c10, 'invoice_approved', 'default', 'invoiceNotApproved');
    edited = setAttribute(edited, 'assignApprover', 'camunda:assignee', 'ada');
    const diff = await diffBpmn(c10, edited);
    expect(diff.changed.map((c) => [c.id, c.attributes])).toEqual([
      ['assignApprover', { 'camunda:assignee': ['demo', 'ada'] }],
      ['invoice_approved', { default: [null, 'invoiceNotApproved'] }],
    ]);
    const timer = '<bpmn:timerEventDefinition id="T"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>';
    const minimal = fixture('minimal-process.bpmn');
    const start = /<bpmn:startEvent id="([^"]+)"/.exec(minimal)?.[1];
    if (!start) throw new Error('minimal-process.bpmn has no bpmn:startEvent');
    const withTimer = insertInto(minimal.replace(new RegExp(`(<bpmn:startEvent id="${start}"[^>]*)/>`), '$1></bpmn:startEvent>'), start, timer);
    const events = await diffBpmn(minimal, withTimer);
    expect(events.changed.map((c) => [c.id, c.attributes])).toEqual([
      [start, { eventDefinitions: [null, [{ $type: 'bpmn:TimerEventDefinition', timeDuration: 'PT1H' }]] }],
    ]);
  });

  it('applies every edit at once and lists each category sorted by id', async () => {
    let edited = setAttribute(c10, 'assignApprover', 'name', 'Pick an approver');
    for (const id of ['archiveInvoice', 'SequenceFlow_2', 'SequenceFlow_3']) edited = deleteElement(edited, id);
    edited = moveShape(edited, 'approveInvoice', 30, 0);
    edited = setAttribute(edited, 'sequenceFlow_178', 'targetRef', 'reviewInvoice');
    const diff = await diffBpmn(c10, edited);
    expect(diff.removed.map((e) => e.id)).toEqual(['SequenceFlow_2', 'SequenceFlow_3', 'archiveInvoice']);
    expect(diff.changed.map((e) => e.id)).toEqual(['assignApprover', 'sequenceFlow_178']);
    expect(diff.layout_changed.map((e) => e.id)).toEqual(['approveInvoice']);
    expect(diff.added).toEqual([]);
  });

  it.each([
    ['billion laughs', fixture('billion-laughs.bpmn')],
    ['an external entity', fixture('external-entity-file.bpmn')],
    ['a truncated document', fixture('truncated.bpmn')],
    ['a mismatched end tag', fixture('mismatched-end-tag.bpmn')],
    ['a non-BPMN root', fixture('non-bpmn-root.xml')],
    ['garbage', '\u0000\u0001 not xml at all <<<'],
    ['an empty string', ''],
  ])('refuses %s on either side with the import error', async (_what, bad) => {
    const expected = await importBpmn(bad).then(
      () => null,
      (e: unknown) => e as BpmnParseError,
    );
    expect(expected).toBeInstanceOf(BpmnParseError);
    for (const attempt of [diffBpmn(bad, c10), diffBpmn(c10, bad)]) {
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BpmnParseError);
      expect((error as BpmnParseError).message).toBe(expected!.message);
    }
  });
});
