import type { InventoryLogger } from './types.ts';

/** A logger that drops everything. */
export const silentLogger: InventoryLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/** A logger that writes to stderr through `console.error`, so stdout stays clean for data. */
export function createConsoleLogger(prefix = 'cloud-inventory'): InventoryLogger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    console.error(`[${prefix}] ${level} ${message}${suffix}`);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
