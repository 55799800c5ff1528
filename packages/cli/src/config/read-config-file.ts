import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../errors/usage-error.ts';
import { locateConfigError } from './config-error-location.ts';

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).trim();
}

/** Read a config file by extension: JSON, YAML, or a module whose default export (or a function returning it) is the config. */
export async function readConfigFile(path: string): Promise<unknown> {
  const extension = extname(path).toLowerCase();
  try {
    if (extension === '.json') return JSON.parse(await readFile(path, 'utf8'));
    if (extension === '.yaml' || extension === '.yml')
      return parseYaml(await readFile(path, 'utf8'));
    // Node 24 strips TypeScript types on import, so .ts/.mts configs load like .mjs ones.
    const module = (await import(pathToFileURL(path).href)) as {
      default?: unknown;
      config?: unknown;
    };
    let exported = module.default ?? module.config;
    if (
      typeof exported === 'function' &&
      !/^class[\s{]/.test(Function.prototype.toString.call(exported))
    ) {
      exported = await (exported as () => unknown)();
    }
    if (exported === undefined) {
      throw new UsageError({
        message: `config ${path} has no default export`,
        hint: 'end the file with `export default defineConfig({ clouds: [...] })`',
      });
    }
    return exported;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const location =
      extension === '.json' || extension.startsWith('.y')
        ? undefined
        : locateConfigError(error, path);
    const where = location
      ? `${path}:${location.line}${location.column ? `:${location.column}` : ''}`
      : path;
    throw new UsageError({
      message: `could not load config ${where}: ${firstLine(error)}${location?.excerpt ? `\n  ${location.excerpt.join('\n  ')}` : ''}`,
      hint:
        extension === '.ts' || extension === '.mts'
          ? 'TypeScript configs may only use erasable syntax (no enums or namespaces); run with --verbose for the stack'
          : 'fix the syntax error; run with --verbose for the stack',
      cause: error,
    });
  }
}
