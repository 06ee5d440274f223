// British and American spellings: every rule knows both, and the diagram keeps the writer's.
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

// One spelling for comparing: "enrolls" and "enrols", "analyzes" and "analyses" read alike.
const unspelled = (labels: string[]) => labels.map((l) => l.toLowerCase().replace(/ll/g, 'l').replace(/z/g, 's'));
const ends = (text: string) => read(text).nodes.filter((n) => n.kind === 'end' && n.label).map((n) => n.label);

describe("labels in the writer's spelling", () => {
  it('names an end by the participle as the text spells it, in any domain', () => {
    expect(ends('The customer places an order. If the order is cancelled, the process ends. Otherwise the warehouse ships it.')).toEqual(['Order cancelled']);
    expect(ends('The customer places an order. If the order is canceled, the process ends. Otherwise the warehouse ships it.')).toEqual(['Order canceled']);
    expect(ends('The guest books a room. If the booking is cancelled, the clerk refunds the deposit.')).toContain('Booking cancelled');
    expect(ends('The student registers for the course. If the course is cancelled, the office refunds the fee.')).toContain('Course cancelled');
  });

  it('reads both spellings of a verb as the same step', () => {
    for (const [uk, us] of [
      ['The student enrols in the course. The office confirms the place.', 'The student enrolls in the course. The office confirms the place.'],
      ['The shop fulfils the order. The courier delivers the parcel.', 'The shop fulfills the order. The courier delivers the parcel.'],
      ['The parcel is labelled and sent. The courier delivers it.', 'The parcel is labeled and sent. The courier delivers it.'],
      ['The analyst analyses the logs. The engineer restarts the server.', 'The analyst analyzes the logs. The engineer restarts the server.'],
    ] as const) {
      expect(tasks(read(uk)).length).toBeGreaterThanOrEqual(2);
      expect(unspelled(tasks(read(uk)))).toEqual(unspelled(tasks(read(us))));
    }
  });
});
