import { stripAnsi } from '../terminal/palette.ts';

/** One column of a table. */
export interface TableColumn<Row> {
  /** Header text. */
  header: string;
  /** Cell text of a row (may contain ANSI styles). */
  value(row: Row): string;
  /** Right-align (numbers). @default false */
  alignRight?: boolean;
  /** Cut longer cells with an ellipsis. */
  maximumWidth?: number;
}

/** Options of `renderTable`. */
export interface TableOptions {
  /** Style the header row (e.g. bold). */
  header?: (text: string) => string;
  /** Spaces between columns. @default 2 */
  gap?: number;
}

function cut(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  const plain = stripAnsi(text);
  if (plain.length <= width) return text;
  return `${plain.slice(0, Math.max(1, width - 1))}…`;
}

/** Render rows as an aligned plain-text table, one string per line (no trailing spaces). */
export function renderTable<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  options: TableOptions = {},
): string[] {
  const gap = ' '.repeat(options.gap ?? 2);
  const cells = rows.map((row) =>
    columns.map((column) => cut(column.value(row), column.maximumWidth)),
  );
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((line) => stripAnsi(line[index] as string).length)),
  );
  const pad = (text: string, index: number) => {
    const width = widths[index] as number;
    const padding = ' '.repeat(Math.max(0, width - stripAnsi(text).length));
    return columns[index]?.alignRight ? `${padding}${text}` : `${text}${padding}`;
  };
  const headerStyle = options.header ?? ((text: string) => text);
  const lines = [
    headerStyle(
      columns
        .map((column, index) => pad(column.header, index))
        .join(gap)
        .trimEnd(),
    ),
  ];
  for (const line of cells)
    lines.push(
      line
        .map((cell, index) => pad(cell, index))
        .join(gap)
        .trimEnd(),
    );
  return lines;
}
