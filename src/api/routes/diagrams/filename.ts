// Content-Disposition for downloads: an ASCII `filename` any client understands, plus RFC 5987 `filename*`
// carrying the real (UTF-8) name when it has characters the ASCII one had to replace.

const MAX_BASE_LENGTH = 100;

/** @example contentDisposition('Bestellung prüfen', '.bpmn') // attachment; filename="Bestellung pr_fen.bpmn"; filename*=UTF-8''Bestellung%20pr%C3%BCfen.bpmn */
export function contentDisposition(name: string, extension: string): string {
  const base = [...name.normalize('NFC')]
    .filter((ch) => !/[\p{Cc}\p{Cf}]/u.test(ch))
    .join('')
    .replace(/[/\\:*?"<>|]+/g, '_')
    .trim()
    .slice(0, MAX_BASE_LENGTH)
    .replace(/^\.+/, '');
  const ascii = base.replace(/[^\x20-\x7e]/g, '_').replace(/[%;]/g, '_').trim() || 'diagram';
  const header = `attachment; filename="${ascii}${extension}"`;
  if (base === '' || base === ascii) return header;
  return `${header}; filename*=UTF-8''${encodeRfc5987(base + extension)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
