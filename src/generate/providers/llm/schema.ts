// The JSON schema of an answer: ProcessModel with every field present (OpenAI strict mode wants all required), null for absent.
import { ALL_EVENT_TYPES, NODE_KINDS, TASK_TYPES, type ProcessModel } from '../../model.ts';
import { TIMER_KINDS } from '../../timer.ts';

const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });

const object = (properties: Record<string, object>) => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

export const MODEL_SCHEMA = object({
  name: { type: 'string' },
  actors: {
    type: 'array',
    items: object({ id: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'boolean' } }),
  },
  nodes: {
    type: 'array',
    items: object({
      id: { type: 'string' },
      kind: { type: 'string', enum: NODE_KINDS },
      label: { type: 'string' },
      actor: nullable({ type: 'string' }),
      taskType: { type: 'string', enum: TASK_TYPES },
      eventType: nullable({ type: 'string', enum: ALL_EVENT_TYPES }),
      timer: nullable(object({ kind: { type: 'string', enum: TIMER_KINDS }, value: { type: 'string' } })),
      attachedTo: nullable({ type: 'string' }),
      interrupting: nullable({ type: 'boolean' }),
    }),
  },
  flows: {
    type: 'array',
    items: object({ from: { type: 'string' }, to: { type: 'string' }, label: { type: 'string' } }),
  },
});

/** The request's response_format for servers that support structured output. */
export const RESPONSE_FORMAT = { type: 'json_schema', json_schema: { name: 'process_model', strict: true, schema: MODEL_SCHEMA } } as const;

/** A model in the answer's shape: every optional field spelled out, null when absent (the worked examples use it). */
export function answerOf(model: ProcessModel): object {
  return {
    name: model.name,
    actors: model.actors.map((a) => ({ id: a.id, name: a.name, organisation: a.organisation === true })),
    nodes: model.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      actor: n.actor ?? null,
      taskType: n.taskType ?? 'none',
      eventType: n.eventType ?? null,
      timer: n.timer ?? null,
      attachedTo: n.attachedTo ?? null,
      interrupting: n.interrupting ?? null,
    })),
    flows: model.flows.map((f) => ({ from: f.from, to: f.to, label: f.label ?? '' })),
  };
}
