// `jfi layout in.bpmn -o out.bpmn`: replaces a document's diagram interchange with a fresh auto-layout.
import { readFile, writeFile } from 'node:fs/promises';
import { layoutToXml } from '../bpmn/layout/layout.ts';
import { parseBpmn } from '../bpmn/parse.ts';
import { UsageError, parseCommand, optionalFlag } from './arguments.ts';
import { runEngineCommand } from './engine-command.ts';
import { printUsage, processIo, type CliIo } from './io.ts';

const USAGE = `Usage: jfi layout <in.bpmn> [-o out.bpmn] [--collaboration ID]

Lays out every pool, lane, flow node, data element and flow of a BPMN file and writes it with new
diagram interchange (any existing DI is replaced). Without -o, the BPMN goes to standard output.

Options:
  -o, --output FILE      where to write the laid-out BPMN ("-" for standard output)
  --collaboration ID     the collaboration to draw when the file has several
  -h, --help             show this help`;

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  return runEngineCommand('layout', io, async () => {
    const parsed = parseCommand(argv, { output: { type: 'string', short: 'o' }, collaboration: { type: 'string' } }, USAGE, 1);
    if (parsed.help) return printUsage(io, USAGE);
    const input = parsed.positionals[0];
    if (!input) throw new UsageError('An input file is required.', USAGE);
    const output = optionalFlag(parsed, 'output') ?? '-';
    const collaborationId = optionalFlag(parsed, 'collaboration');

    const document = await parseBpmn(await readFile(input, 'utf8'));
    const { xml, report } = await layoutToXml(document, collaborationId ? { collaborationId } : {});
    if (output === '-') io.out(xml);
    else await writeFile(output, xml.endsWith('\n') ? xml : `${xml}\n`);
    io.err(`Laid out ${report.shapes} shapes and ${report.edges} edges in ${report.durationMs.toFixed(0)} ms.`);
    return 0;
  });
}
