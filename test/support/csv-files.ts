/** CSV files for browser tests of the Audience step, built in the page as a user's files would be. */

export function csvFile(parts: BlobPart | BlobPart[], name = 'contacts.csv', type = 'text/csv'): File {
  return new File(Array.isArray(parts) ? parts : [parts], name, { type });
}

/** The nine contacts below, each as its first four cells and its "Plan" cell. */
const SMALL_ROWS: [contact: string, plan: string][] = [
  ['First Name,Last Name,Phone Number,Email', 'Plan'],
  ['Ana,García,(415) 555-2671,ana@example.com', 'Gold'], // 1 valid US
  ['Bob,Smith,+1 415 555 2671,bob@example.com', 'Silver'], // 2 duplicate of 1
  ['Zoë,Müller,+44 20 7946 0958,z@example.com', 'Gold'], // 3 valid GB
  ['Luis,"López, Jr.",+52 55 1234 5678,l@example.com', 'Bronze'], // 4 valid MX
  ['Eve,Doe,12345,e@example.com', 'Gold'], // 5 invalid
  ['Sam,Lee,,s@example.com', 'Gold'], // 6 missing
  ['Kim,Park,"=HYPERLINK(""http://x.test"",""y"")",k@example.com', 'Gold'], // 7 invalid (formula)
  ['Tom,Ray,+14155552671,t@example.com', 'Gold'], // 8 duplicate (E.164)
  ['Joe,Fox,+16135550123,j@example.com', '@SUM(1)'], // 9 valid CA
];

/**
 * Nine contacts with a known outcome (default country US): 4 valid (US, GB, MX, CA), 2 duplicates
 * after E.164 normalisation, 3 invalid (one a formula), in the "Plan" column a call variable.
 */
export const SMALL_CSV = SMALL_ROWS.map(([contact, plan]) => `${contact},${plan}`).join('\n');

/** The same nine contacts without the "Plan" column: First Name, Last Name, Phone Number, Email. */
export const SMALL_CONTACTS_CSV = SMALL_ROWS.map(([contact]) => contact).join('\n');

/**
 * Two phone-like columns: "Mobile" (auto-mapped) has 3 valid of 4; "Home" has 1 valid of 4.
 */
export const TWO_PHONES_CSV = [
  'Name,Mobile,Home',
  'Ann,+14155552671,+14155552671',
  'Ben,+14155552672,555',
  'Cat,+14155552673,',
  'Dan,12,+1',
].join('\n');

/** A file whose header names no phone column; the numbers are in "Contact". */
export const NO_PHONE_HEADER_CSV = ['Name,Contact,City', 'Ann,+14155552671,Paris', 'Ben,+442079460958,London'].join('\n');

/** `rows` generated contacts with distinct valid US numbers: about 40 bytes a row. */
export function largeCsv(rows: number, name = 'large.csv'): File {
  const parts: string[] = ['First Name,Last Name,Phone\n'];
  const chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    // +1 212 2xx xxxx: valid New York numbers, all different.
    chunk.push(`Name${i},Surname${i},+1212${String(2000000 + i).padStart(7, '0')}\n`);
    if (chunk.length === 10_000) parts.push(chunk.splice(0).join(''));
  }
  parts.push(chunk.join(''));
  return csvFile(parts, name);
}

/** A zip (and so .xlsx) signature followed by junk. */
export function xlsxLikeFile(): File {
  const bytes = new Uint8Array(600);
  bytes.set([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
  for (let i = 8; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
  return csvFile([bytes], 'contacts.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

/** Reads a Blob as text, keeping a leading BOM. */
export async function blobText(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
}
