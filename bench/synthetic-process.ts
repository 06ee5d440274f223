// Synthetic DI-less processes for the layout benches: sequences with XOR/AND splits and joins spread over lanes.

/** Deterministic pseudo-random numbers (mulberry32), so every run lays out the same diagrams. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A process of about `size` flow nodes in `laneCount` lanes, as BPMN XML without DI. */
export function syntheticProcess(size: number, laneCount = 3, seed = 1): string {
  const rand = random(seed);
  const nodes: Array<{ id: string; xml: string; lane: number }> = [];
  const flows: string[] = [];
  let lane = 0;
  const add = (tag: string, name: string): string => {
    const id = `N${nodes.length + 1}`;
    nodes.push({ id, xml: `<bpmn:${tag} id="${id}" name="${name} ${nodes.length + 1}" />`, lane });
    return id;
  };
  const connect = (from: string, to: string, name = '') =>
    flows.push(`<bpmn:sequenceFlow id="F${flows.length + 1}" sourceRef="${from}" targetRef="${to}"${name ? ` name="${name}"` : ''} />`);
  let last = add('startEvent', 'Start');
  while (nodes.length < size - 1) {
    if (rand() < 0.3) lane = Math.floor(rand() * laneCount);
    const r = rand();
    if (r < 0.5 || nodes.length > size - 8) {
      const task = add('task', 'Task');
      connect(last, task);
      last = task;
    } else {
      const kind = r < 0.8 ? 'exclusiveGateway' : 'parallelGateway';
      const split = add(kind, 'Split');
      connect(last, split);
      const join = `J${nodes.length + 1}`;
      const branches = 2 + Math.floor(rand() * 2);
      const ends: string[] = [];
      for (let b = 0; b < branches; b++) {
        let prev = split;
        const length = 1 + Math.floor(rand() * 2);
        for (let k = 0; k < length; k++) {
          const task = add('task', 'Branch task');
          connect(prev, task, k === 0 && kind === 'exclusiveGateway' ? `case ${b + 1}` : '');
          prev = task;
        }
        ends.push(prev);
      }
      nodes.push({ id: join, xml: `<bpmn:${kind} id="${join}" name="Join" />`, lane });
      for (const end of ends) connect(end, join);
      last = join;
    }
  }
  const end = add('endEvent', 'End');
  connect(last, end);
  const lanes = Array.from({ length: laneCount }, (_, i) => {
    const refs = nodes.filter((n) => n.lane === i).map((n) => `<bpmn:flowNodeRef>${n.id}</bpmn:flowNodeRef>`);
    return `<bpmn:lane id="Lane_${i + 1}" name="Role ${i + 1}">${refs.join('')}</bpmn:lane>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="http://example.com/bench">
<bpmn:process id="Process_1" isExecutable="false">
<bpmn:laneSet id="LaneSet_1">${lanes.join('')}</bpmn:laneSet>
${nodes.map((n) => n.xml).join('\n')}
${flows.join('\n')}
</bpmn:process>
</bpmn:definitions>`;
}
