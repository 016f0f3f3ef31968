/** A number with its unit and where it comes from. Every registry constant is one of these. */
export interface Sourced {
  readonly value: number;
  /** SI unit symbol, e.g. 'B', 'B/s', 'FLOP/s', 'W', 's', 'J', '1' for dimensionless. */
  readonly unit: string;
  /** Spec sheet, paper, or chapter claim the value comes from. */
  readonly source: string;
  /** Why the value differs from another figure in the reference, when it does. */
  readonly note?: string;
}

export const sourced = (value: number, unit: string, source: string, note?: string): Sourced =>
  note === undefined ? { value, unit, source } : { value, unit, source, note };
