// The client's generated types must be those of the OpenAPI document the server serves: a route or schema change
// without `npm run client:types` fails here (and so in CI).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaSource, servedDocument } from '../../scripts/client-types.ts';

describe('packages/client/src/schema.d.ts', () => {
  it('matches openapi-typescript run on the served /api/v1/openapi.json', async () => {
    const expected = await schemaSource(await servedDocument());
    const checkedIn = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(checkedIn === expected, 'packages/client/src/schema.d.ts is out of date with the served OpenAPI document: run `npm run client:types` and commit the result.').toBe(true);
  });
});
