// `jfi render in.bpmn -o out.png|out.svg [--theme light|dark] [--scale 1-4] [--diagram ID]`: the renderer without a server.
import { readFile, writeFile } from 'node:fs/promises';
import { BpmnParseError, parseBpmn } from '../bpmn/parse.ts';
import { RenderOptionsError, renderPng } from '../bpmn/render/png.ts';
import { DiagramNotFoundError, renderSvg } from '../bpmn/render/svg.ts';
import type { ThemeName } from '../bpmn/render/theme.ts';

export const USAGE = `Usage: jfi render <in.bpmn> -o <out.svg|out.png> [--theme light|dark] [--scale 1-4] [--diagram ID]

Renders one diagram of a BPMN file (default: the first) the way bpmn-js draws it.
The output format follows the extension of -o. --scale applies to PNG only (default 1).`;

class UsageError extends Error {}

interface RenderArgs {
  input: string;
  output: string;
  format: 'svg' | 'png';
  theme: ThemeName;
  scale: number;
  diagramId: string | undefined;
}

function parseArgs(argv: string[]): RenderArgs {
  let input: string | undefined;
  let output: string | undefined;
  let theme: ThemeName = 'light';
  let scale = 1;
  let diagramId: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value.`);
      return next;
    };
    if (arg === '-o' || arg === '--output') output = value();
    else if (arg === '--theme') {
      const name = value();
      if (name !== 'light' && name !== 'dark') throw new UsageError(`--theme must be light or dark, got "${name}".`);
      theme = name;
    } else if (arg === '--scale') {
      const raw = value();
      scale = Number(raw);
      if (!/^\d+(\.\d+)?$/.test(raw) || scale < 1 || scale > 4) throw new UsageError(`--scale must be a number from 1 to 4, got "${raw}".`);
    } else if (arg === '--diagram') diagramId = value();
    else if (arg.startsWith('-')) throw new UsageError(`Unknown option "${arg}".`);
    else if (input === undefined) input = arg;
    else throw new UsageError(`Unexpected argument "${arg}".`);
  }
  if (!input) throw new UsageError('Missing the input .bpmn file.');
  if (!output) throw new UsageError('Missing -o <out.svg|out.png>.');
  const extension = output.toLowerCase().split('.').pop();
  if (extension !== 'svg' && extension !== 'png') throw new UsageError('-o must end in .svg or .png.');
  return { input, output, format: extension, theme, scale, diagramId };
}

/** Runs `jfi render`; resolves to the exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let args: RenderArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`jfi render: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const xml = await readFile(args.input, 'utf8');
    const { definitions } = await parseBpmn(xml);
    const svg = renderSvg(definitions, { theme: args.theme, diagramId: args.diagramId });
    await writeFile(args.output, args.format === 'svg' ? svg : renderPng(svg, { scale: args.scale }));
    return 0;
  } catch (error) {
    process.stderr.write(`jfi render: ${describe(error)}\n`);
    return 1;
  }
}

function describe(error: unknown): string {
  if (error instanceof BpmnParseError) return `invalid BPMN: ${error.message}`;
  if (error instanceof DiagramNotFoundError || error instanceof RenderOptionsError) return error.message;
  const code = (error as { code?: unknown })?.code;
  if (code === 'ENOENT') return `no such file: ${(error as { path?: string }).path ?? ''}`;
  if (code === 'EACCES') return `permission denied: ${(error as { path?: string }).path ?? ''}`;
  if (code === 'EISDIR') return `is a directory: ${(error as { path?: string }).path ?? ''}`;
  return (error as Error)?.message ?? String(error);
}
