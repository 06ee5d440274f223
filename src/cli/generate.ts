// `jfi generate "text" -o out.bpmn [--png out.png] [--theme light|dark] [--context "…"]…`: the generator without a
// server; `jfi generate --file <file|dir>… --out-dir DIR` generates many descriptions on a worker pool.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ThemeName } from '../bpmn/render/theme.ts';
import { loadConfig, type Config } from '../config.ts';
import { GenerationError } from '../generate/provider.ts';
import { chooseFlag, optionalFlag, parseCommand, requireFlag, UsageError } from './arguments.ts';
import { expandInputs, outputsIn, readJobs, runBatch, type BatchItem } from './batch.ts';
import { runEngineCommand } from './engine-command.ts';
import { printUsage, processIo, type CliIo } from './io.ts';

export const USAGE = `Usage: jfi generate "<description>" -o <out.bpmn> [--png <out.png>] [--svg <out.svg>] [--theme light|dark]
                    [--context "<folder context>"]… [--name "<name>"] [--provider builtin|openai]
       jfi generate --file <description.txt> -o <out.bpmn> …
       jfi generate --file <file|dir>… --out-dir <dir> [--each-line] [--jobs N] [--json] [--context …] [--provider …]

Turns a plain-language process description into a laid-out BPMN 2.0 file. The builtin provider (default)
works offline; --provider openai uses JFI_LLM_BASE_URL, JFI_LLM_API_KEY and JFI_LLM_MODEL.
--context may be given several times, outermost folder first. Warnings go to standard error.
With --out-dir, every --file (a directory stands for its .txt files) is one description and becomes
<dir>/<name>.bpmn; with --each-line every non-empty line of a file is one description, <dir>/<name>-<line>.bpmn.
They are generated on --jobs worker threads (default: one per core); a description that fails is reported and
the others go on (exit 1 if any failed).`;

interface Common {
  contexts: string[];
  name: string | null;
  generator: Config['generator'];
}

type GenerateArgs =
  | ({ mode: 'one'; prompt: string | null; file: string | null; output: string; png: string | null; svg: string | null; theme: ThemeName } & Common)
  | ({ mode: 'batch'; files: string[]; outDir: string; eachLine: boolean; jobs: number; json: boolean } & Common);

function readArgs(argv: string[], io: CliIo): GenerateArgs | null {
  const parsed = parseCommand(
    argv,
    {
      output: { type: 'string', short: 'o' },
      'out-dir': { type: 'string' },
      png: { type: 'string' },
      svg: { type: 'string' },
      file: { type: 'string', short: 'f', multiple: true },
      'each-line': { type: 'boolean' },
      jobs: { type: 'string' },
      json: { type: 'boolean' },
      context: { type: 'string', multiple: true },
      name: { type: 'string' },
      theme: { type: 'string' },
      provider: { type: 'string' },
    },
    USAGE,
    1,
  );
  if (parsed.help) return null;
  const prompt = parsed.positionals[0] ?? null;
  const files = (parsed.values.file as unknown as string[] | undefined) ?? [];
  if (prompt === null && files.length === 0) throw new UsageError('Missing the description (or --file).', USAGE);
  if (prompt !== null && files.length > 0) throw new UsageError('Give the description or --file, not both.', USAGE);
  const provider = chooseFlag(optionalFlag(parsed, 'provider') ?? 'builtin', ['builtin', 'openai'] as const, 'provider', USAGE);
  const common: Common = {
    contexts: (parsed.values.context as unknown as string[] | undefined) ?? [],
    name: optionalFlag(parsed, 'name') ?? null,
    generator: provider === 'openai' ? loadConfig({ ...io.env, JFI_GENERATOR: 'openai' }).generator : loadConfig({}).generator,
  };
  const outDir = optionalFlag(parsed, 'out-dir');
  if (outDir !== undefined) {
    if (files.length === 0) throw new UsageError('--out-dir goes with --file.', USAGE);
    for (const flag of ['output', 'png', 'svg', 'theme', 'name']) if (parsed.values[flag] !== undefined) throw new UsageError(`--${flag} is for one description, not --out-dir.`, USAGE);
    return { mode: 'batch', files, outDir, eachLine: parsed.values['each-line'] === true, jobs: readJobs(parsed, USAGE), json: parsed.values.json === true, ...common };
  }
  if (files.length > 1) throw new UsageError('Several --file need --out-dir.', USAGE);
  for (const flag of ['each-line', 'jobs', 'json']) if (parsed.values[flag] !== undefined) throw new UsageError(`--${flag} goes with --out-dir.`, USAGE);
  return {
    mode: 'one',
    prompt,
    file: files[0] ?? null,
    output: requireFlag(parsed, 'output', USAGE),
    png: optionalFlag(parsed, 'png') ?? null,
    svg: optionalFlag(parsed, 'svg') ?? null,
    theme: chooseFlag(optionalFlag(parsed, 'theme') ?? 'light', ['light', 'dark'] as const, 'theme', USAGE),
    ...common,
  };
}

/** Runs `jfi generate`; resolves to the exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  return runEngineCommand('generate', io, async () => {
    const args = readArgs(argv, io);
    if (!args) return printUsage(io, USAGE);
    return args.mode === 'one' ? generateOne(args, io) : generateBatch(args, io);
  });
}

/** One description in this thread: no worker to start. The renderers load only when an image is asked for. */
async function generateOne(args: Extract<GenerateArgs, { mode: 'one' }>, io: CliIo): Promise<number> {
  const [{ generateProcess }, { createProvider }] = await Promise.all([import('../generate/generate.ts'), import('../generate/providers/select.ts')]);
  const prompt = args.file ? await readDescription(args.file) : args.prompt!;
  const result = await generateProcess({ prompt, contexts: args.contexts, ...(args.name ? { name: args.name } : {}) }, createProvider(args.generator));
  await writeFile(args.output, result.xml);
  if (args.png || args.svg) {
    const [{ parseBpmn }, { renderSvg }, { renderPng }] = await Promise.all([import('../bpmn/parse.ts'), import('../bpmn/render/svg.ts'), import('../bpmn/render/png.ts')]);
    const { definitions } = await parseBpmn(result.xml);
    const svg = renderSvg(definitions, { theme: args.theme });
    if (args.svg) await writeFile(args.svg, svg);
    if (args.png) await writeFile(args.png, renderPng(svg, { scale: 1 }));
  }
  for (const warning of result.warnings) io.err(`warning: ${warning}`);
  const tasks = result.model.nodes.filter((n) => n.kind === 'task').length;
  io.out(`${args.output}: ${tasks} tasks, ${result.model.actors.length} lanes (${result.provider}, ${result.duration_ms} ms)`);
  return 0;
}

async function readDescription(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
    throw new UsageError(`${file} is a directory: add --out-dir DIR to generate from each .txt file in it.`, USAGE);
  }
}

async function generateBatch(args: Extract<GenerateArgs, { mode: 'batch' }>, io: CliIo): Promise<number> {
  const files = await expandInputs(args.files, '.txt');
  const prompts = new Map<string, string>();
  let items: BatchItem[];
  if (args.eachLine) {
    items = [];
    for (const file of files) {
      const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
      lines.forEach((line, i) => {
        if (line.trim() === '') return;
        const item = { input: `${file}:${i + 1}`, output: path.join(args.outDir, `${path.parse(file).name}-${i + 1}.bpmn`) };
        prompts.set(item.input, line);
        items.push(item);
      });
    }
  } else {
    items = outputsIn(args.outDir, files, 'bpmn', USAGE);
  }
  if (items.length === 0) throw new UsageError('No descriptions in the given files.', USAGE);
  await mkdir(args.outDir, { recursive: true });
  const { createGenerationPool } = await import('../services/generation-pool.ts');
  const pool = createGenerationPool({ threads: Math.min(args.jobs, items.length) });
  try {
    return await runBatch(
      'generate',
      items,
      async ({ input, output }) => {
        const prompt = prompts.get(input) ?? (await readFile(input, 'utf8'));
        const outcome = await pool.run({ prompt, contexts: args.contexts, generator: args.generator });
        if (!outcome.ok) throw new GenerationError(outcome.code, outcome.message);
        await writeFile(output, outcome.xml);
      },
      io,
      { json: args.json },
    );
  } finally {
    await pool.close();
  }
}
