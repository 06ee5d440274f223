// `jfi render in.bpmn -o out.png|out.svg …`: the renderer without a server; `jfi render *.bpmn --out-dir DIR …`
// renders many files on a worker pool across the cores.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { ThemeName } from '../bpmn/render/theme.ts';
import { chooseFlag, optionalFlag, parseCommand, UsageError, type Parsed } from './arguments.ts';
import { expandInputs, outputsIn, readJobs, runBatch } from './batch.ts';
import { runEngineCommand } from './engine-command.ts';
import { printUsage, processIo, type CliIo } from './io.ts';

export const USAGE = `Usage: jfi render <in.bpmn> -o <out.svg|out.png> [--theme light|dark] [--scale 1-4] [--diagram ID]
       jfi render <in.bpmn|dir>… --out-dir <dir> [--format svg|png] [--theme light|dark] [--scale 1-4] [--jobs N] [--json]

Renders one diagram of a BPMN file (default: the first) the way bpmn-js draws it.
With -o the output format follows its extension. With --out-dir every input (a directory stands for its .bpmn
files) becomes <dir>/<name>.<format> (default png), rendered on --jobs worker threads (default: one per core);
a file that fails is reported and the others go on (exit 1 if any failed). --scale applies to PNG only (default 1).`;

interface RenderOptions {
  theme: ThemeName;
  scale: number;
  diagramId: string | undefined;
}

type RenderArgs =
  | ({ mode: 'one'; input: string; output: string; format: 'svg' | 'png' } & RenderOptions)
  | ({ mode: 'batch'; inputs: string[]; outDir: string; format: 'svg' | 'png'; jobs: number; json: boolean } & RenderOptions);

function readArgs(argv: string[]): RenderArgs | null {
  const parsed = parseCommand(
    argv,
    {
      output: { type: 'string', short: 'o' },
      'out-dir': { type: 'string' },
      format: { type: 'string' },
      theme: { type: 'string' },
      scale: { type: 'string' },
      diagram: { type: 'string' },
      jobs: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
    Infinity,
  );
  if (parsed.help) return null;
  const inputs = parsed.positionals;
  if (inputs.length === 0) throw new UsageError('Missing the input .bpmn file.', USAGE);
  const options = readRenderOptions(parsed);
  const output = optionalFlag(parsed, 'output');
  const outDir = optionalFlag(parsed, 'out-dir');
  if ((output === undefined) === (outDir === undefined)) throw new UsageError('Give -o <file> for one input or --out-dir <dir> for many.', USAGE);
  if (output !== undefined) {
    if (inputs.length > 1) throw new UsageError('-o takes one input; use --out-dir for several.', USAGE);
    for (const flag of ['format', 'jobs', 'json']) if (parsed.values[flag] !== undefined) throw new UsageError(`--${flag} goes with --out-dir.`, USAGE);
    const extension = output.toLowerCase().split('.').pop();
    if (extension !== 'svg' && extension !== 'png') throw new UsageError('-o must end in .svg or .png.', USAGE);
    return { mode: 'one', input: inputs[0]!, output, format: extension, ...options };
  }
  const format = chooseFlag(optionalFlag(parsed, 'format') ?? 'png', ['svg', 'png'] as const, 'format', USAGE);
  return { mode: 'batch', inputs, outDir: outDir!, format, jobs: readJobs(parsed, USAGE), json: parsed.values.json === true, ...options };
}

function readRenderOptions(parsed: Parsed): RenderOptions {
  const theme = chooseFlag(optionalFlag(parsed, 'theme') ?? 'light', ['light', 'dark'] as const, 'theme', USAGE);
  const rawScale = optionalFlag(parsed, 'scale') ?? '1';
  const scale = Number(rawScale);
  if (!/^\d+(\.\d+)?$/.test(rawScale) || scale < 1 || scale > 4) throw new UsageError(`--scale must be a number from 1 to 4, got "${rawScale}".`, USAGE);
  return { theme, scale, diagramId: optionalFlag(parsed, 'diagram') };
}

/** Runs `jfi render`; resolves to the exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  return runEngineCommand('render', io, async () => {
    const args = readArgs(argv);
    if (!args) return printUsage(io, USAGE);
    return args.mode === 'one' ? renderOne(args) : renderBatch(args, io);
  });
}

/** One file in this thread: no worker to start, which is the fastest way to a single image. */
async function renderOne(args: Extract<RenderArgs, { mode: 'one' }>): Promise<number> {
  const [{ renderSvgFromXml }, { renderPng }] = await Promise.all([import('../bpmn/render/svg-from-xml.ts'), import('../bpmn/render/png.ts')]);
  const svg = await renderSvgFromXml(await readFile(args.input, 'utf8'), { theme: args.theme, diagramId: args.diagramId });
  await writeFile(args.output, args.format === 'svg' ? svg : renderPng(svg, { scale: args.scale }));
  return 0;
}

async function renderBatch(args: Extract<RenderArgs, { mode: 'batch' }>, io: CliIo): Promise<number> {
  const items = outputsIn(args.outDir, await expandInputs(args.inputs, '.bpmn'), args.format, USAGE);
  if (items.length === 0) throw new UsageError('No .bpmn files in the given directories.', USAGE);
  await mkdir(args.outDir, { recursive: true });
  const { createRenderPool } = await import('../bpmn/render-pool.ts');
  const pool = createRenderPool({ threads: Math.min(args.jobs, items.length) });
  try {
    return await runBatch(
      'render',
      items,
      async ({ input, output }) => {
        const svg = await pool.renderSvg(await readFile(input, 'utf8'), { theme: args.theme, ...(args.diagramId ? { diagramId: args.diagramId } : {}) });
        await writeFile(output, args.format === 'svg' ? svg : await pool.renderPng(svg, { scale: args.scale }));
      },
      io,
      { json: args.json },
    );
  } finally {
    await pool.close();
  }
}
