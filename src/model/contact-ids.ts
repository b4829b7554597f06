/**
 * The Contact IDs box as a list: split on newlines, commas and white space, blanks dropped,
 * duplicates removed keeping the first occurrence's position.
 */
export function parseContactIds(text: string): string[] {
  const seen = new Set<string>();
  for (const id of text.split(/[\s,]+/u)) if (id !== '') seen.add(id);
  return [...seen];
}

/** Longest Contact ID accepted; real IDs (UUIDs, CRM keys) are far shorter. */
export const MAX_CONTACT_ID_LENGTH = 64;

/** Letters, digits and the separators IDs commonly use; anything else is a typo or pasted junk. */
const CONTACT_ID = /^[\p{L}\p{N}_.:@#\/+-]+$/u;

export type ContactIdProblem = { id: string; problem: 'malformed' | 'too_long' };

/** The first token of the box that cannot be a Contact ID, if any. */
export function firstBadContactId(ids: readonly string[]): ContactIdProblem | null {
  for (const id of ids) {
    if (id.length > MAX_CONTACT_ID_LENGTH) return { id, problem: 'too_long' };
    if (!CONTACT_ID.test(id)) return { id, problem: 'malformed' };
  }
  return null;
}
