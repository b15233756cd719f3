import { inflateSync } from 'node:zlib';

/**
 * Reads a PDF well enough to check what it says: the number of pages and the text drawn by
 * Tj/TJ operators in the (Flate-compressed or plain) content streams, one line per operator.
 * Enough for the documents pdfkit writes with its standard fonts; not a general PDF parser.
 */
export function readPdf(buf: Buffer): { pages: number; text: string } {
  const raw = buf.toString('latin1');
  const pages = (raw.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const lines: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = buf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const op of content.matchAll(/\[((?:[^\]\\]|\\.)*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g)) {
      const parts = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>|\(((?:[^)\\]|\\.)*)\)/g)] : [[op[2]!, ...(op[2]!.startsWith('<') ? [op[2]!.slice(1, -1), undefined] : [undefined, op[2]!.slice(1, -1)])]];
      lines.push(parts.map((p) => (p[1] !== undefined ? Buffer.from(p[1], 'hex').toString('latin1') : (p[2] ?? '').replace(/\\(.)/g, '$1'))).join(''));
    }
    re.lastIndex = end;
  }
  return { pages, text: lines.join('\n') };
}
