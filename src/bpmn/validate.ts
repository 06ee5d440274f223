// Semantic checks on an imported model. Errors are what bpmn.io cannot draw or would draw wrongly (the API
// answers 422 validation_failed); warnings are what it accepts, kept for the user to see.
import {
  BpmnParseError,
  DEFAULT_PARSE_LIMITS,
  droppedReferencesOf,
  parseBpmn,
  type BpmnWarning,
  type DuplicateId,
  type ParseLimits,
} from './parse.ts';
import { computeStats, eachSemanticElement, type BpmnStats } from './stats.ts';
import type { BpmnElement, Definitions, Moddle } from './model.ts';

export type IssueCode =
  | 'duplicate_id'
  | 'illegal_id'
  | 'dangling_reference'
  | 'missing_reference'
  | 'not_a_flow_node'
  | 'cross_process_flow'
  | 'message_flow_in_one_pool'
  | 'di_missing_element'
  | 'di_without_element'
  | 'no_start_event'
  | 'not_in_diagram'
  | 'default_flow_not_outgoing';

export interface Issue extends BpmnWarning {
  code: IssueCode;
}

export interface ValidationResult {
  errors: Issue[];
  warnings: Issue[];
}

/** What the parser saw and the model no longer shows (pass the ParsedBpmn itself). */
export interface RawFindings {
  /** Ids found twice in the raw XML. */
  duplicateIds?: DuplicateId[];
  /** Parser warnings; those about elements the importer had to drop become errors. */
  warnings?: BpmnWarning[];
}

const FLOW_ENDS = new Set(['bpmn:sourceRef', 'bpmn:targetRef']);

/**
 * Checks a bpmn-moddle Definitions tree; every message names the element id it is about.
 * @example const { errors, warnings } = validateDefinitions(parsed.definitions, parsed);
 */
export function validateDefinitions(definitions: Definitions, raw: RawFindings = {}): ValidationResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const error = (code: IssueCode, elementId: string | null, message: string) => errors.push({ code, elementId, message });
  const warn = (code: IssueCode, elementId: string | null, message: string) => warnings.push({ code, elementId, message });

  // One walk: the checks below go over the elements several times.
  const elements: BpmnElement[] = [];
  eachSemanticElement(definitions, (element) => elements.push(element));
  checkDuplicateIds(definitions, elements, raw.duplicateIds ?? [], error);
  for (const w of raw.warnings ?? []) if (w.code === 'illegal_id') error('illegal_id', w.elementId, w.message);
  const reported = new Set<string>();
  for (const { element, property, ref } of droppedReferencesOf(definitions)) {
    const name = property.ns?.name ?? property.name;
    if (FLOW_ENDS.has(name) || name === 'bpmn:attachedToRef') {
      error('dangling_reference', element.id ?? null, `${describe(element)}: ${property.name} refers to "${ref}", which does not exist.`);
      reported.add(reportKey(element, property.name));
    } else if (name === 'bpmndi:bpmnElement') {
      error('di_missing_element', element.id ?? null, `Diagram element ${describe(element)} draws "${ref}", which does not exist.`);
      reported.add(reportKey(element, property.name));
    }
  }

  const participantOfProcess = new Map<BpmnElement, BpmnElement>();
  for (const element of elements) {
    if (element.$instanceOf('bpmn:Participant') && element.processRef) participantOfProcess.set(element.processRef, element);
  }

  for (const element of elements) {
    if (element.$instanceOf('bpmn:SequenceFlow')) checkSequenceFlow(element, reported, error);
    else if (element.$instanceOf('bpmn:MessageFlow')) checkMessageFlow(element, reported, participantOfProcess, error);
    else if (element.$instanceOf('bpmn:BoundaryEvent') && !element.attachedToRef && !reported.has(reportKey(element, 'attachedToRef'))) {
      error('missing_reference', element.id ?? null, `Boundary event ${describe(element)} is not attached to any activity (attachedToRef).`);
    } else if (element.$instanceOf('bpmn:Process')) {
      checkStartEvent(element, warn);
    }
    const defaultFlow = element.default;
    if (defaultFlow && element.$instanceOf('bpmn:FlowNode') && defaultFlow.sourceRef !== element) {
      warn('default_flow_not_outgoing', element.id ?? null, `${describe(element)}: default flow ${describe(defaultFlow)} does not start at ${describe(element)}.`);
    }
  }

  checkDiagrams(definitions, elements, reported, error, warn);
  return { errors, warnings };
}

type Report = (code: IssueCode, elementId: string | null, message: string) => void;

/** Elements without an id still need telling apart, so findings are keyed by the element object. */
const elementKeys = new WeakMap<object, number>();
let nextElementKey = 0;
function reportKey(element: object, property: string): string {
  if (!elementKeys.has(element)) elementKeys.set(element, ++nextElementKey);
  return `${elementKeys.get(element)}\u0000${property}`;
}

function checkDuplicateIds(definitions: Definitions, elements: BpmnElement[], duplicates: DuplicateId[], error: Report): void {
  const reported = new Set<string>();
  for (const d of duplicates) {
    reported.add(d.id);
    error('duplicate_id', d.id, `Id "${d.id}" is used by ${d.lines.length} elements (lines ${d.lines.join(', ')}); ids must be unique.`);
  }
  // Models built in code have no raw XML; moddle does not stop them from sharing an id.
  const seen = new Map<string, number>();
  const visit = (element: BpmnElement) => {
    if (typeof element.id === 'string') seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
  };
  elements.forEach(visit);
  for (const diagram of definitions.diagrams ?? []) {
    visit(diagram);
    if (diagram.plane) {
      visit(diagram.plane);
      for (const di of diagram.plane.planeElement ?? []) visit(di);
    }
  }
  for (const [id, count] of seen) {
    if (count > 1 && !reported.has(id)) error('duplicate_id', id, `Id "${id}" is used by ${count} elements; ids must be unique.`);
  }
}

/** The process or sub-process that holds a flow element. */
function containerOf(element: BpmnElement): BpmnElement | undefined {
  return element.$parent;
}

function describe(element: BpmnElement): string {
  return element.id ?? `${element.$type} without id`;
}

function checkSequenceFlow(flow: BpmnElement, reported: Set<string>, error: Report): void {
  const ends: [string, BpmnElement | undefined][] = [
    ['sourceRef', flow.sourceRef],
    ['targetRef', flow.targetRef],
  ];
  let complete = true;
  for (const [name, end] of ends) {
    if (!end) {
      complete = false;
      if (!reported.has(reportKey(flow, name))) {
        error('missing_reference', flow.id ?? null, `Sequence flow ${describe(flow)} has no ${name}.`);
      }
    } else if (!end.$instanceOf('bpmn:FlowNode')) {
      complete = false;
      error('not_a_flow_node', flow.id ?? null, `Sequence flow ${describe(flow)}: ${name} ${describe(end)} is a ${end.$type}, not a flow node.`);
    }
  }
  if (!complete) return;
  const here = containerOf(flow);
  for (const [name, end] of ends) {
    if (containerOf(end!) !== here) {
      error(
        'cross_process_flow',
        flow.id ?? null,
        `Sequence flow ${describe(flow)} (in ${describe(here!)}) has ${name} ${describe(end!)} in ${describe(containerOf(end!)!)}; ` +
          'a sequence flow stays inside one process or sub-process (use a message flow between pools).',
      );
      return;
    }
  }
}

function processOf(element: BpmnElement): BpmnElement | null {
  let at: BpmnElement | undefined = element;
  while (at && !at.$instanceOf?.('bpmn:Process')) at = at.$parent;
  return at ?? null;
}

function poolOf(end: BpmnElement, participantOfProcess: Map<BpmnElement, BpmnElement>): BpmnElement | null {
  if (end.$instanceOf('bpmn:Participant')) return end;
  const process = processOf(end);
  return process ? (participantOfProcess.get(process) ?? null) : null;
}

function checkMessageFlow(flow: BpmnElement, reported: Set<string>, participantOfProcess: Map<BpmnElement, BpmnElement>, error: Report): void {
  const source = flow.sourceRef;
  const target = flow.targetRef;
  for (const [name, end] of [
    ['sourceRef', source],
    ['targetRef', target],
  ] as const) {
    if (!end && !reported.has(reportKey(flow, name))) {
      error('missing_reference', flow.id ?? null, `Message flow ${describe(flow)} has no ${name}.`);
    }
  }
  if (!source || !target) return;
  const from = poolOf(source, participantOfProcess);
  const to = poolOf(target, participantOfProcess);
  if (from && from === to) {
    error(
      'message_flow_in_one_pool',
      flow.id ?? null,
      `Message flow ${describe(flow)} connects ${describe(source)} and ${describe(target)}, both in pool ${describe(from)}; ` +
        'message flows go between pools (use a sequence flow inside one).',
    );
  }
}

function checkStartEvent(process: BpmnElement, warn: Report): void {
  const nodes = (process.flowElements ?? []).filter((e: BpmnElement) => e.$instanceOf('bpmn:FlowNode'));
  if (nodes.length > 0 && !nodes.some((e: BpmnElement) => e.$instanceOf('bpmn:StartEvent'))) {
    warn('no_start_event', process.id ?? null, `Process ${describe(process)} has ${nodes.length} flow node${nodes.length === 1 ? '' : 's'} but no start event.`);
  }
}

function checkDiagrams(definitions: Definitions, elements: BpmnElement[], reported: Set<string>, error: Report, warn: Report): void {
  const diagrams: BpmnElement[] = definitions.diagrams ?? [];
  if (diagrams.length === 0) return;
  const drawn = new Set<BpmnElement>();
  for (const diagram of diagrams) {
    if (diagram.plane?.bpmnElement) drawn.add(diagram.plane.bpmnElement);
    for (const di of diagram.plane?.planeElement ?? []) {
      if (di.bpmnElement) drawn.add(di.bpmnElement);
      else if (!reported.has(reportKey(di, 'bpmnElement'))) {
        // bpmn-js skips such a shape with a warning (MIWG C.7.0 has one), so we do too.
        warn('di_without_element', di.id ?? null, `Diagram element ${di.id ?? di.$type} does not say what it draws (no bpmnElement); it is ignored.`);
      }
    }
  }
  for (const element of elements) {
    const drawable =
      element.$instanceOf('bpmn:FlowNode') ||
      element.$instanceOf('bpmn:SequenceFlow') ||
      element.$instanceOf('bpmn:MessageFlow') ||
      element.$instanceOf('bpmn:Participant') ||
      element.$instanceOf('bpmn:Lane');
    if (drawable && !drawn.has(element)) {
      warn('not_in_diagram', element.id ?? null, `${element.$type.slice(5)} ${describe(element)} is not drawn in any diagram.`);
    }
  }
}

export interface ImportedBpmn {
  definitions: Definitions;
  moddle: Moddle;
  warnings: BpmnWarning[];
  stats: BpmnStats;
}

/**
 * Parses and validates: throws BpmnParseError when the document is unsafe, malformed or has semantic
 * errors (the message lists them), otherwise returns the model with all warnings and the stats.
 * @example const { definitions, moddle, warnings, stats } = await importBpmn(xml, config.bpmn);
 */
export async function importBpmn(xml: string | Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ImportedBpmn> {
  const parsed = await parseBpmn(xml, limits);
  const { errors, warnings } = validateDefinitions(parsed.definitions, parsed);
  if (errors.length > 0) {
    const listed = errors.slice(0, 10).map((e) => e.message);
    const more = errors.length > listed.length ? ` (and ${errors.length - listed.length} more)` : '';
    throw new BpmnParseError(
      `The BPMN document has ${errors.length} error${errors.length === 1 ? '' : 's'}: ${listed.join(' ')}${more}`,
      errors[0]!.elementId,
      null,
      errors,
    );
  }
  return {
    definitions: parsed.definitions,
    moddle: parsed.moddle,
    warnings: [...parsed.warnings, ...warnings],
    stats: computeStats(parsed.definitions),
  };
}
