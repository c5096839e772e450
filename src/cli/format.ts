/** Prints rows as aligned columns, or a friendly line when there are none. */
export function printTable(rows: Record<string, unknown>[], columns: string[], empty: string): void {
  if (!rows.length) {
    console.log(empty);
    return;
  }
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => Math.min(cell(r[c]).length, 40))));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => (v.length > 40 ? `${v.slice(0, 39)}…` : v).padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(line(columns.map((c) => c.toUpperCase())));
  for (const r of rows) console.log(line(columns.map((c) => cell(r[c]))));
}

/** Prints a record as "label: value" lines, skipping empty values. */
export function printRecord(pairs: [string, unknown][]): void {
  const width = Math.max(...pairs.map(([k]) => k.length));
  for (const [k, v] of pairs) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    console.log(`${`${k}:`.padEnd(width + 1)} ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  }
}

/** Prints JSON for scripts. */
export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
