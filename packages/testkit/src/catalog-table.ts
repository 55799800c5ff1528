import type {
  DriverCatalog,
  ResourceTypeDescriptor,
  ServiceDescriptor,
} from '@cloud-inventory/core';
import { alignedTable, codeList, compactTable } from './markdown-table.ts';

/** One column of a table with a row per resource type. */
export interface CatalogColumn {
  /** The header cell. */
  header: string;
  /** The cell of one resource type (and the service it belongs to). */
  cell: (type: ResourceTypeDescriptor, service: ServiceDescriptor) => string;
}

/** A Markdown table with one row per resource type, in catalog order. @default aligned columns */
export function catalogTable(
  catalog: DriverCatalog,
  columns: readonly CatalogColumn[],
  layout: 'aligned' | 'compact' = 'aligned',
): string {
  const rows = catalog.services.flatMap((service) =>
    service.resourceTypes.map((type) => columns.map((column) => column.cell(type, service))),
  );
  const header = columns.map((column) => column.header);
  return layout === 'aligned' ? alignedTable(header, rows) : compactTable(header, rows);
}

/** Columns most drivers' tables share, each with the header most of them use. */
export const catalogColumns = {
  /** The service, as `config.services` names it. */
  service: (header = '`config.services`'): CatalogColumn => ({
    header,
    cell: (_type, service) => `\`${service.name}\``,
  }),
  /** The resource type. */
  type: (header = 'resource type'): CatalogColumn => ({
    header,
    cell: (type) => `\`${type.type}\``,
  }),
  /** The catalog's description of the type. */
  description: (header = 'what'): CatalogColumn => ({
    header,
    cell: (type) => type.description ?? '',
  }),
  /** The paths left out of the digest. */
  volatilePaths: (header = 'volatile paths (not versioned)'): CatalogColumn => ({
    header,
    cell: (type) => codeList(type.volatilePaths),
  }),
  /** The paths stored as a keyed hash. */
  secretPaths: (header = 'secret paths (stored hashed)'): CatalogColumn => ({
    header,
    cell: (type) => codeList(type.secretPaths),
  }),
};
