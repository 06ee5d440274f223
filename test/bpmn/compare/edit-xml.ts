// Small, prefix-agnostic edits of BPMN XML for the compare tests: each does one thing a modeller does, so the
// expected diff follows from the edit alone.

const escape = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The start tag of the element with this id (any prefix). */
function startTag(id: string): RegExp {
  return new RegExp(`<((?:[\\w-]+:)?[\\w-]+)(\\s[^>]*?)?\\sid="${escape(id)}"([^>]*?)(/?)>`);
}

function mustReplace(xml: string, pattern: RegExp, replacement: string | ((...args: string[]) => string)): string {
  if (!pattern.test(xml)) throw new Error(`edit-xml: nothing matches ${pattern}`);
  return xml.replace(pattern, replacement as (...args: string[]) => string);
}

/** Sets (or adds) an attribute on the element with this id. */
export function setAttribute(xml: string, id: string, name: string, value: string): string {
  return mustReplace(xml, startTag(id), (tag: string) => {
    const attr = new RegExp(`\\s${escape(name)}="[^"]*"`);
    return attr.test(tag) ? tag.replace(attr, ` ${name}="${value}"`) : tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
  });
}

/** Renames the element's tag (task → userTask), keeping its prefix, attributes and content. */
export function changeTag(xml: string, id: string, local: string): string {
  const match = startTag(id).exec(xml);
  if (!match) throw new Error(`edit-xml: no element ${id}`);
  const qname = match[1]!;
  const renamed = qname.includes(':') ? `${qname.slice(0, qname.indexOf(':') + 1)}${local}` : local;
  const start = match.index;
  const selfClosing = match[4] === '/';
  const openEnd = start + match[0].length;
  const open = `<${renamed}${match[0].slice(1 + qname.length)}`;
  if (selfClosing) return xml.slice(0, start) + open + xml.slice(openEnd);
  const close = xml.indexOf(`</${qname}>`, openEnd);
  return xml.slice(0, start) + open + xml.slice(openEnd, close) + `</${renamed}>` + xml.slice(close + qname.length + 3);
}

/** Removes an element (semantic or DI) by its id, with its content. */
function removeById(xml: string, id: string): string {
  const match = startTag(id).exec(xml);
  if (!match) throw new Error(`edit-xml: no element ${id}`);
  const end = match[4] === '/' ? match.index + match[0].length : xml.indexOf(`</${match[1]}>`, match.index) + match[1]!.length + 3;
  return xml.slice(0, match.index) + xml.slice(end);
}

/** Deletes an element, its DI, and every reference to it by content (flowNodeRef, incoming, outgoing). */
export function deleteElement(xml: string, id: string): string {
  let out = removeById(xml, id);
  const di = new RegExp(`<((?:[\\w-]+:)?BPMN(?:Shape|Edge))\\s[^>]*bpmnElement="${escape(id)}"[^>]*>[\\s\\S]*?</\\1>`);
  out = mustReplace(out, di, '');
  return out.replace(new RegExp(`<((?:[\\w-]+:)?(?:flowNodeRef|incoming|outgoing))>${escape(id)}</\\1>`, 'g'), '');
}

/** Inserts markup right before the closing tag of the element with this id. */
export function insertInto(xml: string, id: string, markup: string): string {
  const match = startTag(id).exec(xml);
  if (!match || match[4] === '/') throw new Error(`edit-xml: no open element ${id}`);
  const close = xml.indexOf(`</${match[1]}>`, match.index);
  return xml.slice(0, close) + markup + xml.slice(close);
}

/** The prefix (with colon) the document binds to a namespace, '' for the default namespace. */
export function prefixOf(xml: string, uri: string): string {
  const match = new RegExp(`xmlns(?::([\\w-]+))?="${escape(uri)}"`).exec(xml);
  if (!match) throw new Error(`edit-xml: ${uri} is not declared`);
  return match[1] ? `${match[1]}:` : '';
}

/** Moves a shape's bounds (not its label) by dx, dy. */
export function moveShape(xml: string, id: string, dx: number, dy: number): string {
  const shape = new RegExp(`(<(?:[\\w-]+:)?BPMNShape\\s[^>]*bpmnElement="${escape(id)}"[^>]*>\\s*<(?:[\\w-]+:)?Bounds\\s)([^>]*)>`);
  return mustReplace(xml, shape, (_all: string, head: string, attrs: string) => {
    const moved = attrs
      .replace(/\bx="([^"]*)"/, (_m, x: string) => `x="${Number(x) + dx}"`)
      .replace(/\by="([^"]*)"/, (_m, y: string) => `y="${Number(y) + dy}"`);
    return `${head}${moved}>`;
  });
}

/** Replaces the text content of the first element of this local name inside the element with this id. */
export function setChildText(xml: string, id: string, local: string, text: string): string {
  const match = startTag(id).exec(xml);
  if (!match) throw new Error(`edit-xml: no element ${id}`);
  const child = new RegExp(`(<((?:[\\w-]+:)?${local})\\b[^>]*>)[^<]*(</\\2>)`);
  const rest = xml.slice(match.index);
  if (!child.test(rest)) throw new Error(`edit-xml: no ${local} in ${id}`);
  return xml.slice(0, match.index) + rest.replace(child, `$1${text}$3`);
}

/** Inserts markup right before the start tag of the element with this id (as its preceding sibling). */
export function insertBefore(xml: string, id: string, markup: string): string {
  const match = startTag(id).exec(xml);
  if (!match) throw new Error(`edit-xml: no element ${id}`);
  return xml.slice(0, match.index) + markup + xml.slice(match.index);
}

const MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const BPMNDI_NS = 'http://www.omg.org/spec/BPMN/20100524/DI';
const DC_NS = 'http://www.omg.org/spec/DD/20100524/DC';
const DI_NS = 'http://www.omg.org/spec/DD/20100524/DI';

/**
 * MIWG C.1.0 as a modeller might revise it: two tasks renamed or retyped, a condition changed, the archiving task
 * dropped for a direct flow and a note, a shape moved. The compare tests and the docs' sample images use it.
 */
export function reviseInvoiceProcess(c10: string): string {
  const [m, bpmndi, dc, di] = [prefixOf(c10, MODEL_NS), prefixOf(c10, BPMNDI_NS), prefixOf(c10, DC_NS), prefixOf(c10, DI_NS)];
  let xml = setAttribute(c10, 'assignApprover', 'name', 'Pick an approver');
  xml = changeTag(xml, 'sid-05039C4F-59F7-4CBD-8C84-D35E27C7B5EF', 'userTask');
  xml = setChildText(xml, 'invoiceApproved', 'conditionExpression', '${approved &amp;&amp; budgetOk}');
  for (const id of ['archiveInvoice', 'SequenceFlow_2', 'SequenceFlow_3']) xml = deleteElement(xml, id);
  xml = moveShape(xml, 'sid-36EA43D1-0FE6-4197-AC57-7A43785B784B', 0, 4);
  xml = insertBefore(
    xml, 'prepareBankTransfer',
    `<${m}sequenceFlow id="Flow_paid" sourceRef="prepareBankTransfer" targetRef="invoiceProcessed"/>` +
      `<${m}textAnnotation id="Note_dms"><${m}text>Invoices are archived by the DMS now</${m}text></${m}textAnnotation>` +
      `<${m}association id="Association_dms" sourceRef="Note_dms" targetRef="prepareBankTransfer"/>`,
  );
  const plane = /<(?:[\w-]+:)?BPMNPlane[^>]*\sid="([^"]+)"/.exec(xml)![1]!;
  return insertInto(
    xml, plane,
    `<${bpmndi}BPMNEdge id="Flow_paid_di" bpmnElement="Flow_paid"><${di}waypoint x="753" y="695"/><${di}waypoint x="941" y="695"/></${bpmndi}BPMNEdge>` +
      `<${bpmndi}BPMNShape id="Note_dms_di" bpmnElement="Note_dms"><${dc}Bounds x="420" y="628" width="150" height="45"/></${bpmndi}BPMNShape>` +
      `<${bpmndi}BPMNEdge id="Association_dms_di" bpmnElement="Association_dms"><${di}waypoint x="570" y="651"/><${di}waypoint x="653" y="670"/></${bpmndi}BPMNEdge>`,
  );
}
