export type DayType = 'workday' | 'holiday';

/** One admin-set day: forced to be a workday or a holiday whatever the built-in data says. */
export interface CalendarOverride {
  date: string;
  kind: DayType;
  note: string | null;
  setBy: string | null;
  setAt: string;
}

/** A day to set in bulk with `setMany`. */
export interface OverrideInput {
  date: string;
  kind: DayType;
  note: string | null;
}
