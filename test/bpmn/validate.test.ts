import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BpmnParseError, parseBpmn } from '../../src/bpmn/parse.ts';
import { importBpmn, validateDefinitions } from '../../src/bpmn/validate.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/bpmn/${name}`, import.meta.url), 'utf8');

async function validateFixture(name: string) {
  const parsed = await parseBpmn(fixture(name));
  return validateDefinitions(parsed.definitions, parsed);
}

async function importError(name: string): Promise<BpmnParseError> {
  const err = await importBpmn(fixture(name)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BpmnParseError);
  return err as BpmnParseError;
}

describe('validateDefinitions', () => {
  it('finds nothing wrong with a valid process drawn in full', async () => {
    expect(await validateFixture('minimal-process.bpmn')).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    ['dangling-target-ref.bpmn', 'dangling_reference', 'Flow_dangling', 'Flow_dangling: targetRef refers to "Task_missing", which does not exist.'],
    ['missing-source-ref.bpmn', 'missing_reference', 'Flow_nosource', 'Sequence flow Flow_nosource has no sourceRef.'],
    ['duplicate-ids.bpmn', 'duplicate_id', 'Task_twice', 'Id "Task_twice" is used by 2 elements (lines 5, 6); ids must be unique.'],
    ['boundary-event-dangling-host.bpmn', 'dangling_reference', 'Boundary_1', 'Boundary_1: attachedToRef refers to "Task_gone", which does not exist.'],
    ['di-missing-element.bpmn', 'di_missing_element', 'Ghost_di', 'Diagram element Ghost_di draws "Task_ghost", which does not exist.'],
  ])('%s is an error naming the element', async (name, code, elementId, message) => {
    const { errors } = await validateFixture(name);
    expect(errors).toEqual([{ code, elementId, message }]);
  });

  it('refuses a sequence flow that crosses from one process to another', async () => {
    const { errors } = await validateFixture('cross-process-sequence-flow.bpmn');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'cross_process_flow', elementId: 'Flow_across' });
    expect(errors[0]!.message).toMatch(/Flow_across \(in Process_A\) has targetRef Task_B in Process_B/);
  });

  it('refuses a message flow between two elements of the same pool', async () => {
    const { errors } = await validateFixture('message-flow-in-one-pool.bpmn');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'message_flow_in_one_pool', elementId: 'Message_inside' });
    expect(errors[0]!.message).toMatch(/connects Task_A1 and Task_A2, both in pool Pool_A/);
  });

  it('accepts a message flow from a black-box pool to an event in another pool', async () => {
    expect((await validateFixture('collaboration-stats.bpmn')).errors).toEqual([]);
  });

  it('warns (but accepts) a process with flow nodes and no start event', async () => {
    const { errors, warnings } = await validateFixture('no-start-event.bpmn');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      { code: 'no_start_event', elementId: 'Process_nostart', message: 'Process Process_nostart has 2 flow nodes but no start event.' },
    ]);
  });

  it('warns about elements a diagram leaves out', async () => {
    const xml = fixture('minimal-process.bpmn').replace(/<bpmndi:BPMNShape id="Task_1_di"[^\n]*\n/, '');
    const parsed = await parseBpmn(xml);
    const { errors, warnings } = validateDefinitions(parsed.definitions, parsed);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([{ code: 'not_in_diagram', elementId: 'Task_1', message: 'Task Task_1 is not drawn in any diagram.' }]);
  });

  it('finds duplicate ids in a model built in code, where there is no raw XML', async () => {
    const { definitions, moddle } = await parseBpmn(fixture('minimal-process.bpmn'));
    definitions.rootElements[0].flowElements.push(moddle.create('bpmn:Task', { id: 'Task_1' }));
    const { errors } = validateDefinitions(definitions);
    expect(errors).toEqual([{ code: 'duplicate_id', elementId: 'Task_1', message: 'Id "Task_1" is used by 2 elements; ids must be unique.' }]);
  });

  it('refuses an id bpmn-moddle cannot keep (non-ASCII), naming it', async () => {
    const xml = fixture('minimal-process.bpmn').replaceAll('Task_1', 'Prüfung');
    const parsed = await parseBpmn(xml);
    const { errors } = validateDefinitions(parsed.definitions, parsed);
    // The task is lost, so the flows and the shape that use it dangle.
    expect(errors.map((e) => [e.code, e.elementId])).toEqual([
      ['illegal_id', 'Prüfung'],
      ['illegal_id', 'Prüfung_di'],
      ['dangling_reference', 'Flow_1'],
      ['dangling_reference', 'Flow_2'],
      ['di_missing_element', 'Prüfung_di'],
    ]);
  });

  it('describes elements without an id by their type, once per problem', async () => {
    const xml = fixture('dangling-target-ref.bpmn').replace('id="Flow_dangling" ', '');
    const parsed = await parseBpmn(xml);
    expect(validateDefinitions(parsed.definitions, parsed).errors).toEqual([
      { code: 'dangling_reference', elementId: null, message: 'bpmn:SequenceFlow without id: targetRef refers to "Task_missing", which does not exist.' },
    ]);
  });

  it('accepts every MIWG-like construct: sequence flows inside a sub-process and from boundary events', async () => {
    const xml = fixture('collaboration-stats.bpmn').replace(
      '<bpmn:endEvent id="End_1" />',
      '<bpmn:endEvent id="End_1" /><bpmn:sequenceFlow id="Flow_b" sourceRef="Boundary_1" targetRef="End_1" />',
    );
    const parsed = await parseBpmn(xml);
    expect(validateDefinitions(parsed.definitions, parsed).errors).toEqual([]);
  });
});

describe('importBpmn', () => {
  it('returns the model, warnings and stats of a valid document', async () => {
    const imported = await importBpmn(fixture('no-start-event.bpmn'));
    expect(imported.definitions.$type).toBe('bpmn:Definitions');
    expect(imported.warnings.map((w) => w.elementId)).toEqual(['Process_nostart']);
    expect(imported.stats).toEqual({ tasks: 1, events: 1, gateways: 0, lanes: 0, pools: 0, flows: 1 });
  });

  it('keeps parser warnings with their element ids', async () => {
    const imported = await importBpmn(fixture('unknown-element.bpmn'));
    expect(imported.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/unknown type <bpmn:Frobnicator>/)]);
  });

  it('throws one BpmnParseError listing every error, each with its element id', async () => {
    const xml = fixture('dangling-target-ref.bpmn').replace(
      '</bpmn:process>',
      '<bpmn:sequenceFlow id="Flow_other" sourceRef="Ghost" targetRef="Task_1" /></bpmn:process>',
    );
    const err = await importBpmn(xml).then(
      () => null,
      (e: unknown) => e as BpmnParseError,
    );
    expect(err).toBeInstanceOf(BpmnParseError);
    expect(err!.message).toBe(
      'The BPMN document has 2 errors: Flow_dangling: targetRef refers to "Task_missing", which does not exist. ' +
        'Flow_other: sourceRef refers to "Ghost", which does not exist.',
    );
    expect(err!.elementId).toBe('Flow_dangling');
    expect(err!.issues.map((i) => [i.code, i.elementId])).toEqual([
      ['dangling_reference', 'Flow_dangling'],
      ['dangling_reference', 'Flow_other'],
    ]);
  });

  it('names the element of the first error', async () => {
    expect((await importError('message-flow-in-one-pool.bpmn')).elementId).toBe('Message_inside');
  });
});
