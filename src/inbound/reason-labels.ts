import { msg } from '@lit/localize';
import type { InboundReturnReason } from '../model/inbound-routing.js';

// Functions, so each label is looked up in the active locale when it is shown. A reason the
// routing module can produce without a label here is a type error.
const LABELS: Record<InboundReturnReason, () => string> = {
  contacted_inbound: () => msg('Closed an open or retry-pending task', { desc: 'Inbound routing reason' }),
  follow_up_match: () => msg('Matched an active follow-up', { desc: 'Inbound routing reason' }),
};

/**
 * The plain label of an inbound routing reason. A reason this version does not know (a newer
 * backend) shows its raw name, as text.
 */
export function reasonLabel(reason: string): string {
  if (Object.hasOwn(LABELS, reason)) return LABELS[reason as InboundReturnReason]();
  return reason.trim() === '' ? msg('Unknown reason', { desc: 'Inbound routing reason with no name' }) : reason;
}
