// Where ../shared (beside the repository root) is: MIWG diagrams and the generator's dev set.
// CI clones the repository anywhere with shared/ beside it, so paths are resolved from this file, never absolute.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SHARED_DIR = process.env.JFI_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
export const MIWG_DIR = process.env.MIWG_DIR ?? path.join(SHARED_DIR, 'miwg');
export const GEN_EVAL_DIR = path.join(SHARED_DIR, 'gen-eval');
