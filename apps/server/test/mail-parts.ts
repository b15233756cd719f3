/** The decoded body of the first MIME part of a raw mail whose Content-Type starts with `type`. */
export function mailPart(raw: string, type: string): string | null {
  const at = raw.toLowerCase().indexOf(`content-type: ${type.toLowerCase()}`);
  if (at < 0) return null;
  const headEnd = raw.indexOf('\r\n\r\n', at);
  const head = raw.slice(at, headEnd);
  const bodyEnd = raw.indexOf('\r\n--', headEnd + 4);
  const body = raw.slice(headEnd + 4, bodyEnd < 0 ? undefined : bodyEnd);
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? '7bit';
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** The plain-text body of a raw mail, with quoted-printable soft breaks undone. */
export function mailText(raw: string): string {
  return mailPart(raw, 'text/plain') ?? raw;
}
