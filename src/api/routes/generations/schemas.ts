// Schemas of the generation routes: the generation object, its create body and list query.
import { Type } from 'typebox';
import { MAX_PROMPT_CHARS } from '../../../generate/generate.ts';
import { MAX_NAME_LENGTH } from '../../../services/folders.ts';
import { ListSchema, PageQuerySchema, Timestamp, Uuid } from '../../schemas.ts';

export const GenerationSchema = Type.Object(
  {
    object: Type.Literal('generation'),
    id: Uuid,
    prompt: Type.String({ description: 'The description, trimmed.' }),
    name: Type.String({ description: 'The name of the diagram it made.' }),
    folder_id: Type.Union([Uuid, Type.Null()]),
    diagram_id: Type.Union([Uuid, Type.Null()], { description: 'The diagram it made; null once that diagram is deleted.' }),
    provider: Type.String({ examples: ['builtin', 'openai'] }),
    model: Type.String({ examples: ['builtin-1', 'gpt-4o-mini'] }),
    warnings: Type.Array(Type.String(), { description: 'What the generator guessed or repaired.' }),
    duration_ms: Type.Integer({ minimum: 0 }),
    created_at: Timestamp,
    livemode: Type.Boolean(),
  },
  { title: 'Generation' },
);

export const Prompt = Type.String({
  description: `A plain-language process description, 1 to ${MAX_PROMPT_CHARS} characters after trimming. Blank: 422 validation_failed.`,
});

export const CreateGenerationBody = Type.Object({
  prompt: Prompt,
  name: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_NAME_LENGTH, description: 'The diagram name; default: the generator’s.' })),
  folder_id: Type.Optional(
    Type.Union([Uuid, Type.Null()], { description: 'Save into this folder; its context and its ancestors’ steer the generator.' }),
  ),
});

export const ListGenerationsQuery = Type.Object({ ...PageQuerySchema.properties });

export const GenerationListSchema = ListSchema(GenerationSchema);
