// Where ../shared (beside the repository root) is: MIWG diagrams and the generator's dev set.
// CI clones the repository anywhere with shared/ beside it, so paths are resolved from this file, never absolute.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SHARED_DIR = process.env.JFI_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
export const MIWG_DIR = process.env.MIWG_DIR ?? path.join(SHARED_DIR, 'miwg');
export const GEN_EVAL_DIR = path.join(SHARED_DIR, 'gen-eval');

/** The MIWG reference files (sorted names); missing files skip the caller's tests, or fail them under CI=true. */
export function miwgFiles(): string[] {
  const files = fs.existsSync(MIWG_DIR) ? fs.readdirSync(MIWG_DIR).filter((f) => f.endsWith('.bpmn')).sort() : [];
  if (files.length > 0) return files;
  if (process.env.CI === 'true') throw new Error(`No MIWG .bpmn files in ${MIWG_DIR}; CI needs ../shared beside the repository.`);
  console.warn(`Skipping MIWG tests: no .bpmn files in ${MIWG_DIR}.`);
  return [];
}
