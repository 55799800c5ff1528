// The two table layouts the drivers' generated README sections use.

/** A Markdown table with aligned columns, as Biome formats Markdown (so a format pass keeps it). */
export function alignedTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(3, cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

/** A Markdown table without padding (`|---|` separators), for tables too wide to align. */
export function compactTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), `|${header.map(() => '---|').join('')}`, ...rows.map(line)].join('\n');
}

/** Paths or names as a comma-separated list of inline code spans (empty for none). */
export function codeList(values: readonly string[] | undefined): string {
  return (values ?? []).map((value) => `\`${value}\``).join(', ');
}
