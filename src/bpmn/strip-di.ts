// Removes every diagram (shapes, edges, label styles) so a document looks as if it was written without DI.
export function stripDi(definitions: any): void {
  definitions.diagrams = [];
}
