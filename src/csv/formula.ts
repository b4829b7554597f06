/**
 * Writing CSV that is safe to open in a spreadsheet. Pure.
 *
 * OWASP "CSV Injection": a cell starting with `=`, `+`, `-`, `@`, TAB (0x09) or CR (0x0D) can be
 * run as a formula by Excel, LibreOffice or Google Sheets (ASVS 5.0 V1.2.10 adds NUL, 0x00, which
 * is covered too). Such a cell gets a leading `'` (shown as
 * text, the quote itself hidden by spreadsheets) and every cell is enclosed in double quotes with
 * inner quotes doubled, so a delimiter or line break inside a cell cannot start a new cell.
 */

/** First characters that make a spreadsheet treat a cell as a formula (OWASP, plus ASVS's NUL). */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r', '\0'];

/** True when `cell` would be read as a formula by a spreadsheet. */
export function isFormulaLike(cell: string): boolean {
  return cell.length > 0 && FORMULA_TRIGGERS.includes(cell[0]);
}

/**
 * One cell as a CSV field: always quoted, inner quotes doubled, and a leading `'` when the cell
 * starts with a formula trigger. `neutraliseFormula('=1+1')` is `"'=1+1"` (with the quotes);
 * `neutraliseFormula('Zoë "Z"')` is `"Zoë ""Z"""`.
 */
export function neutraliseFormula(cell: string): string {
  const text = isFormulaLike(cell) ? `'${cell}` : cell;
  return `"${text.replace(/"/g, '""')}"`;
}

/** One record as a CSV line (comma-separated, CRLF-terminated per RFC 4180), every cell neutralised. */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += neutraliseFormula(cells[i] ?? '');
  }
  return line + '\r\n';
}
