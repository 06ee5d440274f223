// `jfi render in.bpmn -o out.png|out.svg [--theme light|dark] [--scale 1-4] [--diagram ID]`: the renderer without a server.
import { readFile, writeFile } from 'node:fs/promises';
import { renderPng } from '../bpmn/render/png.ts';
import { renderSvgFromXml } from '../bpmn/render/svg-from-xml.ts';
import type { ThemeName } from '../bpmn/render/theme.ts';
import { chooseFlag, optionalFlag, parseCommand, requireFlag, UsageError } from './arguments.ts';
import { runEngineCommand } from './engine-command.ts';
import { printUsage, processIo, type CliIo } from './io.ts';

export const USAGE = `Usage: jfi render <in.bpmn> -o <out.svg|out.png> [--theme light|dark] [--scale 1-4] [--diagram ID]

Renders one diagram of a BPMN file (default: the first) the way bpmn-js draws it.
The output format follows the extension of -o. --scale applies to PNG only (default 1).`;

interface RenderArgs {
  input: string;
  output: string;
  format: 'svg' | 'png';
  theme: ThemeName;
  scale: number;
  diagramId: string | undefined;
}

function readArgs(argv: string[]): RenderArgs | null {
  const parsed = parseCommand(
    argv,
    { output: { type: 'string', short: 'o' }, theme: { type: 'string' }, scale: { type: 'string' }, diagram: { type: 'string' } },
    USAGE,
    1,
  );
  if (parsed.help) return null;
  const input = parsed.positionals[0];
  if (!input) throw new UsageError('Missing the input .bpmn file.', USAGE);
  const output = requireFlag(parsed, 'output', USAGE);
  const extension = output.toLowerCase().split('.').pop();
  if (extension !== 'svg' && extension !== 'png') throw new UsageError('-o must end in .svg or .png.', USAGE);
  const theme = chooseFlag(optionalFlag(parsed, 'theme') ?? 'light', ['light', 'dark'] as const, 'theme', USAGE);
  const rawScale = optionalFlag(parsed, 'scale') ?? '1';
  const scale = Number(rawScale);
  if (!/^\d+(\.\d+)?$/.test(rawScale) || scale < 1 || scale > 4) throw new UsageError(`--scale must be a number from 1 to 4, got "${rawScale}".`, USAGE);
  return { input, output, format: extension, theme, scale, diagramId: optionalFlag(parsed, 'diagram') };
}

/** Runs `jfi render`; resolves to the exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  return runEngineCommand('render', io, async () => {
    const args = readArgs(argv);
    if (!args) return printUsage(io, USAGE);
    const svg = await renderSvgFromXml(await readFile(args.input, 'utf8'), { theme: args.theme, diagramId: args.diagramId });
    await writeFile(args.output, args.format === 'svg' ? svg : renderPng(svg, { scale: args.scale }));
    return 0;
  });
}
