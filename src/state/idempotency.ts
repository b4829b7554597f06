/** A random RFC 4122 version 4 UUID; `crypto.randomUUID` exists only in secure contexts. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const fileIds = new WeakMap<File, number>();
let nextFileId = 1;

/**
 * What makes two confirmations "the same submission": the same payload and the same File
 * object. A retry of the same one reuses its key; anything changed gets a new key.
 */
export function submissionFingerprint(payload: unknown, file: File | undefined): string {
  let fileId = 0;
  if (file) {
    fileId = fileIds.get(file) ?? nextFileId++;
    fileIds.set(file, fileId);
  }
  return `${fileId}:${JSON.stringify(payload)}`;
}
