/**
 * The contact fields an audience maps to columns (CSV) or segment fields. `phone` is required;
 * the rest are optional. Mapping keys in the payload are these names.
 */
export const CONTACT_FIELDS = ['phone', 'firstName', 'lastName', 'email', 'company', 'externalId'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Names a source may use for a field, compared case- and punctuation-insensitively. */
const ALIASES: Record<ContactField, readonly string[]> = {
  phone: ['phone', 'phonenumber', 'mobile', 'cell', 'tel', 'telephone'],
  firstName: ['firstname', 'fname', 'givenname', 'first'],
  lastName: ['lastname', 'lname', 'surname', 'familyname', 'last'],
  email: ['email', 'emailaddress', 'mail'],
  company: ['company', 'companyname', 'organisation', 'organization', 'account'],
  externalId: ['externalid', 'crmid', 'customerid', 'contactid', 'id'],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A first guess at a segment's field mapping: exact names and common aliases only. */
export function guessFieldMapping(fields: readonly string[]): Partial<Record<ContactField, string>> {
  const mapping: Partial<Record<ContactField, string>> = {};
  const taken = new Set<string>();
  for (const contactField of CONTACT_FIELDS) {
    const match = fields.find((f) => !taken.has(f) && ALIASES[contactField].includes(squash(f)));
    if (match) {
      mapping[contactField] = match;
      taken.add(match);
    }
  }
  return mapping;
}
