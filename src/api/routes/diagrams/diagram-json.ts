// A diagram of a list page as JSON text, written straight from its row: the same bytes as DiagramSchema's
// serialiser writes for toDiagram(row) (test/api/diagram-json.test.ts holds the two together), without the
// object per row and the serialiser walking it, which cost more than the query.
import type { BpmnStats } from '../../../bpmn/stats.ts';
import type { DiagramListRow } from '../../../services/diagrams.ts';
import { rfc3339 } from '../../../services/timestamps.ts';
import { organizationIdOf, type Owner } from '../../../services/tenancy.ts';
import { jsonInteger, jsonString } from '../../json-text.ts';

/** The writer of one owner's list rows (the owner's fields are the same on every row of a page). */
export function diagramJsonWriter(owner: Owner): (row: DiagramListRow) => string {
  const organizationId = organizationIdOf(owner);
  const organization = `,"organization_id":${organizationId === null ? 'null' : jsonString(organizationId)},"created_by":`;
  const livemode = `,"livemode":${owner.mode === 'live'},"version":`;
  return ([id, folderId, name, version, source, stats, createdBy, createdAt, updatedAt]) =>
    `{"object":"diagram","id":${jsonString(id)},"name":${jsonString(name)},"folder_id":${folderId === null ? 'null' : jsonString(folderId)}` +
    `${organization}${jsonString(createdBy)},"created_at":"${rfc3339(createdAt)}","updated_at":"${rfc3339(updatedAt)}"` +
    `,"source":${jsonString(source)}${livemode}${jsonInteger(version)},"stats":${statsJson(stats)}}`;
}

/**
 * The stats column as the schema writes it. The column holds JSON.stringify of a BpmnStats, which is already
 * that text: it is used as it is when it has exactly that shape (a test is cheaper than a parse), else re-written.
 */
const CANONICAL_STATS = /^\{"tasks":(?:0|[1-9]\d{0,14}),"events":(?:0|[1-9]\d{0,14}),"gateways":(?:0|[1-9]\d{0,14}),"lanes":(?:0|[1-9]\d{0,14}),"pools":(?:0|[1-9]\d{0,14}),"flows":(?:0|[1-9]\d{0,14})\}$/;

function statsJson(text: string): string {
  if (CANONICAL_STATS.test(text)) return text;
  const s = JSON.parse(text) as BpmnStats;
  return (
    `{"tasks":${jsonInteger(s.tasks)},"events":${jsonInteger(s.events)},"gateways":${jsonInteger(s.gateways)}` +
    `,"lanes":${jsonInteger(s.lanes)},"pools":${jsonInteger(s.pools)},"flows":${jsonInteger(s.flows)}}`
  );
}
