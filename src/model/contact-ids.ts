/**
 * The Contact IDs box as a list: split on newlines, commas and white space, blanks dropped,
 * duplicates removed keeping the first occurrence's position.
 */
export function parseContactIds(text: string): string[] {
  const seen = new Set<string>();
  for (const id of text.split(/[\s,]+/u)) if (id !== '') seen.add(id);
  return [...seen];
}
