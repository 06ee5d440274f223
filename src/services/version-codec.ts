// How a version's BPMN is stored: brotli at quality 6. On the MIWG files as imported it is 8.4× smaller than the
// XML against deflate's 7.1× (generated diagrams: 8.3× and 7.1×), at about the same speed; quality 9 gains 1% for
// 10× the time (docs/benchmarks.md). The work runs on libuv's thread pool, not the event loop.
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants } from 'node:zlib';
import { ValidationError } from '../errors.ts';

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

export const VERSION_BROTLI_QUALITY = 6;

export async function compressXml(xml: string): Promise<Buffer> {
  return compress(Buffer.from(xml, 'utf8'), { params: { [constants.BROTLI_PARAM_QUALITY]: VERSION_BROTLI_QUALITY } });
}

/**
 * The XML back. Output past `maxBytes` stops the decompression there and is 422, as an import over the limit is: a
 * version saved under a larger BPMN_MAX_BYTES, or a forged row, cannot blow up memory.
 */
export async function decompressXml(bytes: Uint8Array, maxBytes: number): Promise<string> {
  try {
    return (await decompress(bytes, { maxOutputLength: maxBytes })).toString('utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_BUFFER_TOO_LARGE') throw error;
    throw new ValidationError(`This version's BPMN is over ${maxBytes} bytes, more than this server reads back (4 × BPMN_MAX_BYTES).`);
  }
}
