// Removes every diagram (shapes, edges, label styles) so a document looks as if it was written without DI.
import type { Definitions } from './model.ts';
export function stripDi(definitions: Definitions): void {
  definitions.diagrams = [];
}
