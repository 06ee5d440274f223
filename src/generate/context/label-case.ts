// "Title Case" in a folder's context: every word of a label capitalised but the small ones inside it.

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'as', 'per', 'via']);

export function titleCase(label: string): string {
  let first = true;
  return label.replace(/\p{L}[\p{L}\p{N}'’]*/gu, (word) => {
    const keep = !first && SMALL_WORDS.has(word.toLowerCase());
    first = false;
    return keep ? word : word.charAt(0).toUpperCase() + word.slice(1);
  });
}
