/**
 * How the results charts write their axis labels: large enough to read on a phone, dark enough to
 * read on white (about 10:1), the same on every chart.
 */
export const AXIS_TICK = { fontSize: 13, fill: '#3b4450' } as const;

/** A category name cut to what fits beside a bar; the table under the chart gives it whole. */
export function axisLabel(text: string, max = 30): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
