// `jfi generate "text" -o out.bpmn [--png out.png] [--theme light|dark] [--context "…"]…`: the generator without a server.
import { readFile, writeFile } from 'node:fs/promises';
import { parseBpmn } from '../bpmn/parse.ts';
import { renderPng } from '../bpmn/render/png.ts';
import { renderSvg } from '../bpmn/render/svg.ts';
import type { ThemeName } from '../bpmn/render/theme.ts';
import { loadConfig } from '../config.ts';
import { generateProcess } from '../generate/generate.ts';
import { createProvider } from '../generate/providers/select.ts';
import { chooseFlag, optionalFlag, parseCommand, requireFlag, UsageError } from './arguments.ts';
import { runEngineCommand } from './engine-command.ts';
import { printUsage, processIo, type CliIo } from './io.ts';

export const USAGE = `Usage: jfi generate "<description>" -o <out.bpmn> [--png <out.png>] [--svg <out.svg>] [--theme light|dark]
                    [--context "<folder context>"]… [--name "<name>"] [--provider builtin|openai]
       jfi generate --file <description.txt> -o <out.bpmn> …

Turns a plain-language process description into a laid-out BPMN 2.0 file. The builtin provider (default)
works offline; --provider openai uses JFI_LLM_BASE_URL, JFI_LLM_API_KEY and JFI_LLM_MODEL.
--context may be given several times, outermost folder first. Warnings go to standard error.`;

interface GenerateArgs {
  prompt: string | null;
  file: string | null;
  output: string;
  png: string | null;
  svg: string | null;
  theme: ThemeName;
  contexts: string[];
  name: string | null;
  provider: 'builtin' | 'openai';
}

function readArgs(argv: string[]): GenerateArgs | null {
  const parsed = parseCommand(
    argv,
    {
      output: { type: 'string', short: 'o' },
      png: { type: 'string' },
      svg: { type: 'string' },
      file: { type: 'string', short: 'f' },
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
  const file = optionalFlag(parsed, 'file') ?? null;
  if (prompt === null && !file) throw new UsageError('Missing the description (or --file).', USAGE);
  if (prompt !== null && file) throw new UsageError('Give the description or --file, not both.', USAGE);
  const contexts = parsed.values.context as unknown as string[] | undefined;
  return {
    prompt,
    file,
    output: requireFlag(parsed, 'output', USAGE),
    png: optionalFlag(parsed, 'png') ?? null,
    svg: optionalFlag(parsed, 'svg') ?? null,
    theme: chooseFlag(optionalFlag(parsed, 'theme') ?? 'light', ['light', 'dark'] as const, 'theme', USAGE),
    contexts: contexts ?? [],
    name: optionalFlag(parsed, 'name') ?? null,
    provider: chooseFlag(optionalFlag(parsed, 'provider') ?? 'builtin', ['builtin', 'openai'] as const, 'provider', USAGE),
  };
}

/** Runs `jfi generate`; resolves to the exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  return runEngineCommand('generate', io, async () => {
    const args = readArgs(argv);
    if (!args) return printUsage(io, USAGE);
    const prompt = args.file ? await readFile(args.file, 'utf8') : args.prompt!;
    const generator = args.provider === 'openai' ? loadConfig({ ...io.env, JFI_GENERATOR: 'openai' }).generator : loadConfig({}).generator;
    const result = await generateProcess({ prompt, contexts: args.contexts, ...(args.name ? { name: args.name } : {}) }, createProvider(generator));
    await writeFile(args.output, result.xml);
    if (args.png || args.svg) {
      const { definitions } = await parseBpmn(result.xml);
      const svg = renderSvg(definitions, { theme: args.theme });
      if (args.svg) await writeFile(args.svg, svg);
      if (args.png) await writeFile(args.png, renderPng(svg, { scale: 1 }));
    }
    for (const warning of result.warnings) io.err(`warning: ${warning}`);
    const tasks = result.model.nodes.filter((n) => n.kind === 'task').length;
    io.out(`${args.output}: ${tasks} tasks, ${result.model.actors.length} lanes (${result.provider}, ${result.duration_ms} ms)`);
    return 0;
  });
}
