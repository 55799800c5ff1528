import {
  renderTerraformImports,
  type TerraformCandidate,
  type TerraformDeclarations,
} from './terraform-imports.ts';

/** Export formats. */
export type ExportFormat = 'json' | 'ndjson' | 'csv' | 'terraform';

/** Turns records into the text of one export format, piece by piece. */
export interface ExportEncoder {
  /** Text before the first record. */
  start(): string;
  /** Text of one record. */
  record(record: Record<string, unknown>): string;
  /** Text after the last record. */
  end(): string;
}

/** Quote a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An encoder for `format`; CSV uses `columns` (objects become JSON text); Terraform collects every
 * record (with its configuration) and writes the import blocks at the end, from `terraform`.
 */
export function createExportEncoder(
  format: ExportFormat,
  columns: readonly string[],
  terraform: TerraformDeclarations = new Map(),
): ExportEncoder {
  if (format === 'terraform') {
    const candidates: TerraformCandidate[] = [];
    return {
      start: () => '',
      record: (record) => {
        candidates.push(record as unknown as TerraformCandidate);
        return '';
      },
      end: () => renderTerraformImports(candidates, terraform),
    };
  }
  if (format === 'ndjson') {
    return { start: () => '', record: (record) => `${JSON.stringify(record)}\n`, end: () => '' };
  }
  if (format === 'csv') {
    return {
      start: () => `${columns.map(csvField).join(',')}\n`,
      record: (record) => `${columns.map((column) => csvField(record[column])).join(',')}\n`,
      end: () => '',
    };
  }
  let first = true;
  return {
    start: () => '[',
    record: (record) => {
      const text = `${first ? '\n' : ',\n'}  ${JSON.stringify(record)}`;
      first = false;
      return text;
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

/** CSV columns of a current-inventory export. */
export const resourceColumns = [
  'id',
  'cloudId',
  'driver',
  'accountId',
  'resourceType',
  'resourceId',
  'service',
  'region',
  'name',
  'status',
  'latestVersion',
  'firstSeenAt',
  'lastSeenAt',
  'lastChangedAt',
  'deletedAt',
  'tags',
  'labels',
] as const;

/** CSV columns of a point-in-time (`--at`) export: the same schema as a current one. */
export const inventoryAtColumns = resourceColumns;
