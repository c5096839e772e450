/** A LinkedIn Connections.csv of `n` people, in 40 organizations, for the import's crash tests. */
export function connectionsCsv(n: number): string {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) {
    lines.push(`Ana${i},Silva,https://www.linkedin.com/in/p-${i},,Acme ${i % 40},Analyst,04 Mar 2021`);
  }
  return lines.join('\r\n');
}
