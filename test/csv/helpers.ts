/** Test helpers for CSV files built in the page. */

export function csvFile(parts: BlobPart | BlobPart[], name = 'contacts.csv'): File {
  return new File(Array.isArray(parts) ? parts : [parts], name, { type: 'text/csv' });
}

/** `text` as UTF-16 bytes, little or big endian, with or without a byte order mark. */
export function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array<ArrayBuffer> {
  const body = bom ? '\uFEFF' + text : text;
  const out = new Uint8Array(body.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < body.length; i++) view.setUint16(i * 2, body.charCodeAt(i), littleEndian);
  return out;
}

/** `text` as Windows-1252 bytes (Latin-1 range only). */
export function latin1(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new Error('not latin-1');
    out[i] = c;
  }
  return out;
}

/** Reads a Blob as text, keeping a leading BOM (Blob.text() would too, but be explicit). */
export async function blobText(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
}

/** Rejection of a promise, or a failure when it resolves. */
export async function rejectionOf(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
