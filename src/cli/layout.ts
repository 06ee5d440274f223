// `jfi layout in.bpmn -o out.bpmn`: replaces a document's diagram interchange with a fresh auto-layout.
import { readFile, writeFile } from 'node:fs/promises';
import { LayoutError, layoutDefinitions } from '../bpmn/layout/layout.ts';
import { BpmnParseError, parseBpmn } from '../bpmn/parse.ts';
import { UsageError, parseCommand, optionalFlag } from './arguments.ts';
import { processIo, type CliIo } from './io.ts';

const USAGE = `Usage: jfi layout <in.bpmn> [-o out.bpmn] [--collaboration ID]

Lays out every pool, lane, flow node, data element and flow of a BPMN file and writes it with new
diagram interchange (any existing DI is replaced). Without -o, the BPMN goes to standard output.

Options:
  -o, --output FILE      where to write the laid-out BPMN ("-" for standard output)
  --collaboration ID     the collaboration to draw when the file has several
  -h, --help             show this help`;

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    const parsed = parseCommand(
      argv,
      { output: { type: 'string', short: 'o' }, collaboration: { type: 'string' } },
      USAGE,
      1,
    );
    if (parsed.help) {
      io.out(USAGE);
      return 0;
    }
    const input = parsed.positionals[0];
    if (!input) throw new UsageError('An input file is required.', USAGE);
    const output = optionalFlag(parsed, 'output') ?? '-';
    const collaborationId = optionalFlag(parsed, 'collaboration');

    const document = await parseBpmn(await readFile(input, 'utf8'));
    const report = await layoutDefinitions(document, collaborationId ? { collaborationId } : {});
    const { xml } = (await document.moddle.toXML(document.definitions, { format: true })) as { xml: string };
    if (output === '-') io.out(xml);
    else await writeFile(output, xml.endsWith('\n') ? xml : `${xml}\n`);
    io.err(`Laid out ${report.shapes} shapes and ${report.edges} edges in ${report.durationMs.toFixed(0)} ms.`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`jfi layout: ${error.message}\n\n${error.usage}`);
      return 2;
    }
    if (error instanceof BpmnParseError || error instanceof LayoutError) {
      io.err(`jfi layout: ${error.message}`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.err(`jfi layout: cannot access ${(error as NodeJS.ErrnoException).path ?? 'file'} (${code}).`);
      return 1;
    }
    io.err(`jfi layout: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
