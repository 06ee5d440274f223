// `jfi generate "text" -o out.bpmn [--png out.png] [--theme light|dark] [--context "…"]…`: the generator without a server.
import { readFile, writeFile } from 'node:fs/promises';
import { parseBpmn } from '../bpmn/parse.ts';
import { renderPng } from '../bpmn/render/png.ts';
import { renderSvg } from '../bpmn/render/svg.ts';
import type { ThemeName } from '../bpmn/render/theme.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { generateProcess } from '../generate/generate.ts';
import { GenerationError } from '../generate/provider.ts';
import { createProvider } from '../generate/providers/select.ts';

export const USAGE = `Usage: jfi generate "<description>" -o <out.bpmn> [--png <out.png>] [--svg <out.svg>] [--theme light|dark]
                    [--context "<folder context>"]… [--name "<name>"] [--provider builtin|openai]
       jfi generate --file <description.txt> -o <out.bpmn> …

Turns a plain-language process description into a laid-out BPMN 2.0 file. The builtin provider (default)
works offline; --provider openai uses JFI_LLM_BASE_URL, JFI_LLM_API_KEY and JFI_LLM_MODEL.
--context may be given several times, outermost folder first. Warnings go to standard error.`;

class UsageError extends Error {}

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

function parseArgs(argv: string[]): GenerateArgs {
  const args: GenerateArgs = { prompt: null, file: null, output: '', png: null, svg: null, theme: 'light', contexts: [], name: null, provider: 'builtin' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value.`);
      return next;
    };
    if (arg === '-o' || arg === '--output') args.output = value();
    else if (arg === '--png') args.png = value();
    else if (arg === '--svg') args.svg = value();
    else if (arg === '--file' || arg === '-f') args.file = value();
    else if (arg === '--context') args.contexts.push(value());
    else if (arg === '--name') args.name = value();
    else if (arg === '--theme') {
      const theme = value();
      if (theme !== 'light' && theme !== 'dark') throw new UsageError(`--theme must be light or dark, got "${theme}".`);
      args.theme = theme;
    } else if (arg === '--provider') {
      const provider = value();
      if (provider !== 'builtin' && provider !== 'openai') throw new UsageError(`--provider must be builtin or openai, got "${provider}".`);
      args.provider = provider;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option "${arg}".`);
    else if (args.prompt === null) args.prompt = arg;
    else throw new UsageError(`Unexpected argument "${arg}" (quote the description).`);
  }
  if (args.prompt === null && !args.file) throw new UsageError('Missing the description (or --file).');
  if (args.prompt !== null && args.file) throw new UsageError('Give the description or --file, not both.');
  if (!args.output) throw new UsageError('Missing -o <out.bpmn>.');
  return args;
}

/** Runs `jfi generate`; resolves to the exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let args: GenerateArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`jfi generate: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const prompt = args.file ? await readFile(args.file, 'utf8') : args.prompt!;
    const generator = args.provider === 'openai' ? loadConfig({ ...process.env, JFI_GENERATOR: 'openai' }).generator : loadConfig({}).generator;
    const result = await generateProcess({ prompt, contexts: args.contexts, ...(args.name ? { name: args.name } : {}) }, createProvider(generator));
    await writeFile(args.output, result.xml);
    if (args.png || args.svg) {
      const { definitions } = await parseBpmn(result.xml);
      const svg = renderSvg(definitions, { theme: args.theme });
      if (args.svg) await writeFile(args.svg, svg);
      if (args.png) await writeFile(args.png, renderPng(svg, { scale: 1 }));
    }
    for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
    const tasks = result.model.nodes.filter((n) => n.kind === 'task').length;
    process.stdout.write(`${args.output}: ${tasks} tasks, ${result.model.actors.length} lanes (${result.provider}, ${result.duration_ms} ms)\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`jfi generate: ${describe(error)}\n`);
    return 1;
  }
}

function describe(error: unknown): string {
  if (error instanceof GenerationError) return error.code === 'unreadable' ? `cannot read the description: ${error.message}` : error.message;
  if (error instanceof ConfigError) return error.message;
  const code = (error as { code?: unknown })?.code;
  if (code === 'ENOENT') return `no such file: ${(error as { path?: string }).path ?? ''}`;
  return (error as Error)?.message ?? String(error);
}
