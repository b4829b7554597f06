/** How a goal's target is measured; it decides which targets are valid. */
export type GoalKind = 'count' | 'percent' | 'seconds';

/** The wizard's goal types, in list order. The UI names each by its id. */
export const GOAL_TYPES: readonly { id: string; kind: GoalKind }[] = Object.freeze([
  { id: 'appointments_booked', kind: 'count' },
  { id: 'qualified_leads', kind: 'count' },
  { id: 'transfers_to_person', kind: 'count' },
  { id: 'payments_collected', kind: 'count' },
  { id: 'callbacks_scheduled', kind: 'count' },
  { id: 'connect_rate', kind: 'percent' },
  { id: 'conversion_rate', kind: 'percent' },
  { id: 'average_call_duration', kind: 'seconds' },
] as const);

export const MAX_GOALS = 3;

/** The kind of a listed goal type, or undefined for a type not in GOAL_TYPES. */
export function goalKind(type: string): GoalKind | undefined {
  return GOAL_TYPES.find((g) => g.id === type)?.kind;
}
