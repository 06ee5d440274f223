// BPMN bodies for load in the process tests: a small valid process, and a long one without DI whose layout takes a while.
export function smallProcess(n: number): string {
  return `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D${n}"><bpmn:process id="P"><bpmn:startEvent id="S"/><bpmn:task id="T" name="Task ${n}"/><bpmn:sequenceFlow id="F" sourceRef="S" targetRef="T"/></bpmn:process></bpmn:definitions>`;
}

/** A chain of `tasks` tasks without diagram interchange: the server lays it out on import (about a second for 300). */
export function longProcess(tasks: number): string {
  let body = '';
  let previous = 'S';
  for (let i = 0; i < tasks; i++) {
    body += `<bpmn:task id="T${i}" name="Task ${i}"/><bpmn:sequenceFlow id="F${i}" sourceRef="${previous}" targetRef="T${i}"/>`;
    previous = `T${i}`;
  }
  return `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P"><bpmn:startEvent id="S"/>${body}</bpmn:process></bpmn:definitions>`;
}
