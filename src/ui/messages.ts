import { msg, str } from '@lit/localize';
import type { StepId } from '../model/schema.js';
import type { ErrorCode, FieldError } from '../model/validate.js';

/** The reference's step names, in order. */
export function stepTitle(step: StepId): string {
  switch (step) {
    case 'basics':
      return msg('Basics');
    case 'telephony':
      return msg('Telephony');
    case 'audience':
      return msg('Audience');
    case 'schedule':
      return msg('Schedule');
    case 'outcomes':
      return msg('Outcomes');
    case 'review':
      return msg('Review');
  }
}

type Params = Record<string, string | number>;

// A Record over the model's codes: a code without a message is a type error.
const messages: Record<ErrorCode, (p: Params) => string> = {
  'name.required': () => msg('Enter a Campaign Name'),
  'agent.required': () => msg('Select an Agent'),
  'pool.required': () => msg('Select at least one number for the Number Pool'),
  'primary.not_in_pool': () => msg('The Primary From Phone Number must be one of the Number Pool numbers'),
  'audience.source_required': () => msg('Choose a Contact Source'),
  'audience.csv_required': () => msg('Choose a CSV file'),
  'audience.csv_phone_unmapped': () => msg('Choose the column that holds phone numbers'),
  'audience.contact_ids_required': () => msg('Enter at least one Contact ID'),
  'audience.contact_id_invalid': (p) => msg(str`"${p.id}" is not a Contact ID: use letters, digits and - _ . : @ # / + only`),
  'audience.contact_id_too_long': (p) => msg(str`A Contact ID can be at most ${p.max} characters ("${p.id}…" is longer)`),
  'audience.segment_required': () => msg('Select a Segment'),
  'audience.variable_name_invalid': () =>
    msg('A variable name starts with a letter or underscore and has only letters, digits and underscores'),
  'audience.variable_name_duplicate': () => msg('Each variable needs a different name'),
  'audience.variable_source_required': () => msg('Choose where this variable takes its value from'),
  'schedule.start_required': () => msg('Enter the Schedule Date & Time'),
  'schedule.start_invalid': () => msg('Enter a real date and time'),
  'schedule.start_past': () => msg('The Schedule Date & Time must be in the future'),
  'schedule.timezone_invalid': () => msg('Choose a Timezone from the list'),
  'schedule.window_time_invalid': () => msg('Enter a time as HH:mm, for example 09:00'),
  'schedule.window_order': () => msg('The end time must be after the start time'),
  'schedule.concurrency_invalid': () => msg('Enter a whole number of parallel calls, 1 or more'),
  'schedule.concurrency_cap': (p) => msg(str`The number pool allows at most ${p.max} parallel calls`),
  'schedule.priority_range': () => msg('Priority must be a whole number from 1 to 10'),
  'outcomes.max_voicemail_invalid': () => msg('Enter a whole number, 1 or more, or leave it empty'),
  'outcomes.ab_agent_required': () => msg('Select an agent for this variant'),
  'outcomes.ab_agent_duplicate': () => msg('Each variant needs a different agent'),
  'outcomes.ab_weight_invalid': () => msg('Enter a whole number from 0 to 100'),
  'outcomes.ab_weight_total': (p) => msg(str`Variant weights must total 100%; they total ${p.total}%`),
  'outcomes.ab_variant_count': () => msg('An A/B test needs 2 to 4 variants'),
  'outcomes.goal_too_many': () => msg('Choose at most three goals'),
  'outcomes.goal_duplicate': () => msg('Each goal type can be chosen once'),
  'outcomes.goal_type_unknown': () => msg('Choose a goal from the list'),
  'outcomes.goal_target_invalid': (p) =>
    p.kind === 'percent'
      ? msg('Enter a percentage above 0 and up to 100')
      : msg('Enter a whole number, 1 or more'),
};

export function errorMessage(error: FieldError): string {
  return messages[error.code]?.(error.params ?? {}) ?? error.code;
}

/** The plain name of a goal type from the wizard's list; an unknown type shows as it is. */
export function goalName(type: string): string {
  switch (type) {
    case 'appointments_booked':
      return msg('Appointments booked');
    case 'qualified_leads':
      return msg('Qualified leads');
    case 'transfers_to_person':
      return msg('Transfers to a person');
    case 'payments_collected':
      return msg('Payments collected');
    case 'callbacks_scheduled':
      return msg('Callbacks scheduled');
    case 'connect_rate':
      return msg('Connect rate (%)');
    case 'conversion_rate':
      return msg('Conversion rate (%)');
    case 'average_call_duration':
      return msg('Average call duration (seconds)');
    default:
      return type;
  }
}

/** The label of a contact field in mapping controls. */
export function contactFieldLabel(field: string): string {
  switch (field) {
    case 'phone':
      return msg('Phone');
    case 'firstName':
      return msg('First name');
    case 'lastName':
      return msg('Last name');
    case 'email':
      return msg('Email');
    case 'company':
      return msg('Company');
    case 'externalId':
      return msg('External ID');
    default:
      return field;
  }
}
