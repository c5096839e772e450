import { parseLinkedInConnections } from '../src/domain/linkedin.js';

/**
 * A LinkedIn Connections.csv of `n` people with profile URLs `<prefix>-0` … `<prefix>-(n-1)`,
 * working at `organizations` employers in turn.
 */
export function connectionsCsv(n: number, opts: { prefix?: string; organizations?: number } = {}): string {
  const { prefix = 'p', organizations = 40 } = opts;
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `Ana${i},Silva,https://www.linkedin.com/in/${prefix}-${i},,Acme ${i % organizations},Analyst,04 Mar 2021`,
    );
  }
  return lines.join('\r\n');
}

/** The same file, parsed as the import reads it. */
export function connections(
  n: number,
  opts: { prefix?: string; organizations?: number } = {},
): ReturnType<typeof parseLinkedInConnections> {
  return parseLinkedInConnections(connectionsCsv(n, opts));
}
