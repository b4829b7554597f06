/**
 * Contact fields a CSV column can map to, and header auto-mapping. Pure: no DOM, no workers.
 */

/**
 * The contact fields the wizard offers, in display order. `phone` is required; the others are
 * optional. The payload's `audience.mapping` uses these as keys (DESIGN.md).
 */
export const CONTACT_FIELDS = ['phone', 'firstName', 'lastName', 'email', 'company', 'externalId'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Contact field -> column header as written in the file. Unmatched fields are absent. */
export type ColumnMapping = Partial<Record<ContactField, string>>;

/**
 * Synonyms per field, already normalised (see {@link normaliseHeader}), most telling first.
 * English plus the shipped Spanish locale.
 */
const SYNONYMS: Record<ContactField, readonly string[]> = {
  phone: [
    'phone', 'phonenumber', 'mobile', 'mobilephone', 'mobilenumber', 'cell', 'cellphone', 'cellnumber',
    'tel', 'telephone', 'telephonenumber', 'telno', 'phoneno', 'phonenum', 'number', 'contactnumber',
    'primaryphone', 'msisdn', 'e164', 'whatsapp', 'workphone', 'homephone', 'businessphone',
    'telefono', 'numerodetelefono', 'celular', 'movil', 'numero', 'telefonomovil',
  ],
  firstName: [
    'firstname', 'fname', 'givenname', 'first', 'forename', 'christianname',
    'nombre', 'nombres', 'primernombre',
  ],
  lastName: [
    'lastname', 'lname', 'surname', 'familyname', 'last',
    'apellido', 'apellidos', 'primerapellido',
  ],
  email: [
    'email', 'emailaddress', 'mail', 'emailid', 'contactemail', 'workemail', 'personalemail',
    'correo', 'correoelectronico', 'emailcorreo',
  ],
  company: ['company', 'companyname', 'organization', 'organisation', 'org', 'business', 'account', 'accountname', 'employer', 'empresa', 'compania'],
  externalId: ['id', 'contactid', 'externalid', 'customerid', 'crmid', 'leadid', 'recordid', 'clientid', 'identificador'],
};

/** Words that qualify a header without changing its meaning ("Customer Email", "Lead phone"). */
const QUALIFIERS = ['contact', 'customer', 'client', 'lead', 'primary', 'main', 'cliente', 'contacto', 'del', 'de'];

/**
 * Lower-cases, strips accents, and drops everything but ASCII letters and digits:
 * "Phone Number" -> "phonenumber", "E-mail" -> "email", "Teléfono" -> "telefono".
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Edit distance with adjacent transpositions counting as one edit (optimal string alignment:
 * "emial" is 1 from "email"). Returns `max + 1` as soon as the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const w = b.length + 1;
  const d = new Array<number>((a.length + 1) * w);
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    d[i * w] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, d[(i - 2) * w + j - 2] + 1);
      }
      d[i * w + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length * w + b.length];
}

/**
 * Edit distance a fuzzy match may have: 2 for long words, 1 for middling ones, none for short
 * ones (so "tel" never fuzzily becomes "id", nor "name" "fname").
 */
function fuzzAllowed(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 5) return 1;
  return 0;
}

interface Candidate {
  field: ContactField;
  header: string;
  column: number;
  /** Higher is better. */
  score: number;
}

function scoreHeader(norm: string): { field: ContactField; score: number }[] {
  const out: { field: ContactField; score: number }[] = [];
  const variants: [string, number][] = [[norm, 100]];
  // "Phone 2", "phone_1": a trailing index still names the field, a little less surely.
  const noIndex = norm.replace(/[0-9]+$/, '');
  if (noIndex !== norm && noIndex.length > 0) variants.push([noIndex, 90]);
  for (const q of QUALIFIERS) {
    for (const [v, base] of [...variants]) {
      if (v.startsWith(q) && v.length > q.length + 1) variants.push([v.slice(q.length), base - 5]);
    }
  }
  for (const field of CONTACT_FIELDS) {
    const syns = SYNONYMS[field];
    let best = -1;
    for (const [v, base] of variants) {
      for (let s = 0; s < syns.length; s++) {
        const syn = syns[s];
        // Earlier synonyms win ties ("mobile" over "home phone" for the phone field).
        const rank = 1 - s / 100;
        if (v === syn) {
          best = Math.max(best, base + rank);
          continue;
        }
        const allowed = Math.min(fuzzAllowed(syn), fuzzAllowed(v));
        if (allowed > 0) {
          const d = editDistance(v, syn, allowed);
          if (d <= allowed) best = Math.max(best, base - 20 - 10 * d + rank);
        }
      }
    }
    if (best >= 0) out.push({ field, score: best });
  }
  return out;
}

/**
 * Suggests a column for each contact field from the headers: case-, space-, accent- and
 * punctuation-insensitive, with synonyms ("Phone Number", "mobile", "tel", "cell", "First Name",
 * "fname", "given name", "surname", "e-mail", Spanish "teléfono", "apellido"...), qualifiers
 * ("Customer Email"), trailing indexes ("Phone 2") and typos (edit distance up to 2 for words of
 * 8+ letters, 1 for 5-7, none shorter).
 *
 * Each field gets at most one header and each header at most one field; the best score wins, then
 * the leftmost header. Values are the headers exactly as written (the payload's mapping values).
 * Blank headers are never matched. Pure and deterministic.
 */
export function autoMapColumns(headers: readonly string[]): ColumnMapping {
  const candidates: Candidate[] = [];
  headers.forEach((header, column) => {
    const norm = normaliseHeader(header);
    if (norm === '') return;
    for (const { field, score } of scoreHeader(norm)) candidates.push({ field, header, column, score });
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = {};
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || usedColumns.has(c.column)) continue;
    // A header written twice maps to its first occurrence (see CsvPreview.headers).
    if (headers.indexOf(c.header) !== c.column) continue;
    mapping[c.field] = c.header;
    usedColumns.add(c.column);
  }
  return mapping;
}
