/** Figures and how they are printed: the measured value, the goal beside it, and a few details. */

export interface Figure {
  label: string;
  /** The measured value, already formatted ("1.12 s"). */
  value: string;
  /** The goal as text ("≤ 1.5 s"), or a dash when none is set. */
  goal: string;
  /** Whether the value is within the goal; undefined when there is no goal to compare with. */
  withinGoal?: boolean;
  /** Supporting numbers (spread, sample count, memory). */
  detail?: string;
}

/** The value at quantile `q` (0..1) of an ascending array, by the nearest-rank method. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds as seconds with two decimals ("1.12 s"). */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A goal in seconds, without trailing zeros ("≤ 1.5 s"). */
export function atMostSeconds(ms: number): string {
  return `≤ ${ms / 1000} s`;
}

/** Milliseconds, with two decimals below 10 ms. */
export function millis(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(1)} ms`;
}

/** Bytes as whole mebibytes, or n/a. */
export function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** A count with thousands separators ("50,000"). */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

const LABEL_WIDTH = 50;
const VALUE_WIDTH = 12;

/** One aligned line per figure, with "within"/"OVER" when the goal can be compared; details below. */
export function formatFigure(f: Figure): string {
  const verdict = f.withinGoal === undefined ? '' : f.withinGoal ? '   within goal' : '   OVER goal';
  const head = `  ${f.label.padEnd(LABEL_WIDTH)} ${f.value.padStart(VALUE_WIDTH)}   goal ${f.goal}${verdict}`;
  return f.detail ? `${head}\n      ${f.detail}` : head;
}

/** Progress goes to stderr so stdout holds only the report. */
export function progress(message: string): void {
  process.stderr.write(`… ${message}\n`);
}
