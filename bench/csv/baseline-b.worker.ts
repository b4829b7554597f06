/**
 * Baseline B: the naive single-worker pipeline. papaparse over the File, and for every row
 * libphonenumber-js (max) `parsePhoneNumberFromString(cell, { defaultCountry, extract: false })`
 * then `isValid()`, dedupe on the E.164 string in a Set, count by country. Same answers as ours.
 */
import Papa from 'papaparse';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

self.onmessage = (e: MessageEvent<{ file: File; phoneColumn: string; defaultCountry: CountryCode }>) => {
  const { file, phoneColumn, defaultCountry } = e.data;
  let header: string[] | undefined;
  let col = -1;
  let rowCount = 0;
  let valid = 0;
  let duplicate = 0;
  const seen = new Set<string>();
  const byCountry: Record<string, number> = {};
  Papa.parse<string[]>(file, {
    skipEmptyLines: 'greedy',
    chunk: (res) => {
      for (const row of res.data) {
        if (!header) {
          header = row;
          col = header.indexOf(phoneColumn);
          continue;
        }
        rowCount++;
        let cell = (row[col] ?? '').trim();
        if (cell.startsWith("'")) cell = cell.slice(1).trim();
        if (cell === '') continue;
        const n = parsePhoneNumberFromString(cell, { defaultCountry, extract: false });
        if (!n || !n.isValid()) continue;
        if (seen.has(n.number)) {
          duplicate++;
          continue;
        }
        seen.add(n.number);
        valid++;
        const c = n.country ?? '001';
        byCountry[c] = (byCountry[c] ?? 0) + 1;
      }
    },
    complete: () => postMessage({ rowCount, valid, duplicate, invalid: rowCount - valid - duplicate, byCountry }),
    error: (err) => postMessage({ error: String(err) }),
  });
};
