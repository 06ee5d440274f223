// Schemas of the diagram routes: the diagram object (the overview's eight fields first), bodies, filters, image options.
import { Type } from 'typebox';
import { MAX_NAME_LENGTH } from '../../../services/folders.ts';
import { ListSchema, NullableUuid, PageQuerySchema, Timestamp, Uuid } from '../../schemas.ts';

export const DiagramSchema = Type.Object(
  {
    object: Type.Literal('diagram'),
    id: Uuid,
    name: Type.String(),
    folder_id: NullableUuid,
    organization_id: NullableUuid,
    created_by: Uuid,
    created_at: Timestamp,
    updated_at: Timestamp,
    source: Type.Unsafe<'generated' | 'imported'>({ type: 'string', enum: ['generated', 'imported'] }),
    livemode: Type.Boolean(),
    version: Type.Integer({ minimum: 1, description: 'Starts at 1; every update adds 1. Send it back as If-Match.' }),
    stats: Type.Object({
      tasks: Type.Integer(),
      events: Type.Integer(),
      gateways: Type.Integer(),
      lanes: Type.Integer(),
      pools: Type.Integer(),
      flows: Type.Integer(),
    }),
  },
  { title: 'Diagram' },
);

export const DeletedDiagramSchema = Type.Object({ object: Type.Literal('diagram'), id: Uuid, deleted: Type.Literal(true) });

export const Name = Type.String({ minLength: 1, maxLength: MAX_NAME_LENGTH });
export const FolderId = Type.Union([Uuid, Type.Null()], { description: 'The folder, or null for the top level.' });
export const BpmnXml = Type.String({ minLength: 1, description: 'A BPMN 2.0 document. Without diagram interchange it is laid out automatically.' });

export const CreateDiagramBody = Type.Object({
  bpmn_xml: Type.Optional(BpmnXml),
  prompt: Type.Optional(
    Type.String({ description: 'Generate from plain language (needs the generate scope). Exactly one of bpmn_xml and prompt.' }),
  ),
  name: Type.Optional(Name),
  folder_id: Type.Optional(FolderId),
});

export const UpdateDiagramBody = Type.Object({
  name: Type.Optional(Name),
  folder_id: Type.Optional(FolderId),
  bpmn_xml: Type.Optional(BpmnXml),
  version: Type.Optional(
    Type.Integer({ minimum: 1, description: 'Apply only if the diagram is at this version (same as If-Match); else 409 version_conflict.' }),
  ),
});

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The expected version, `"3"`: a mismatch is 409 version_conflict.' })),
});

export const ListDiagramsQuery = Type.Object({
  ...PageQuerySchema.properties,
  folder_id: Type.Optional(Type.Union([Type.Literal('none'), Uuid], { description: 'Only diagrams in this folder; `none` for top level.' })),
});

export const DiagramListSchema = ListSchema(DiagramSchema);

export const ImageQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('png'), Type.Literal('svg')], { default: 'png' })),
  theme: Type.Optional(Type.Union([Type.Literal('light'), Type.Literal('dark')], { default: 'light' })),
  scale: Type.Optional(Type.Number({ minimum: 1, maximum: 4, default: 2, description: 'Pixel ratio of a PNG; ignored for SVG.' })),
  diagram: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Which page of a multi-page document to render: the id of one of its BPMNDiagram elements (as in the BPMN export). Default: the first. An id the document does not have is a 400 invalid_parameter on `diagram`.',
    }),
  ),
});
