import type { CliContext } from '../cli-context.ts';
import { installCommand } from '../config/install-command.ts';
import { describeRegisteredDrivers, loadAvailableDrivers } from '../inventory/driver-catalogs.ts';
import type { CommandDefinition, CommandInput } from './command.ts';

/** `cloud-inventory drivers`: installed drivers with their services and resource types. */
export const driversCommand: CommandDefinition = {
  name: 'drivers',
  summary: 'List installed drivers with their services and resource types',
  usage: 'drivers [name]',
  description: [
    'Reads each driver’s catalog; provider packages that are not installed are listed with the install command.',
  ],
  options: {},
  json: true,
  usesConfig: false,
  usesStore: false,
  positionals: { minimum: 0, maximum: 1 },
  examples: ['drivers', 'drivers aws-mock', 'drivers --json'],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const { missing, broken } = await loadAvailableDrivers([context.cwd]);
    const wanted = input.positionals[0];
    let drivers = describeRegisteredDrivers();
    if (wanted) {
      drivers = drivers.filter(
        (driver) => driver.name === wanted || driver.aliases.includes(wanted),
      );
      if (drivers.length === 0) {
        const absent = missing.find((entry) => entry.driver === wanted);
        context.log(
          absent
            ? `driver "${wanted}" is not installed; install it with: ${installCommand(absent.package, context.cwd, context.environment)}`
            : `no driver named "${wanted}"; run \`cloud-inventory drivers\` to see them all`,
        );
        return 1;
      }
    }
    const notInstalled = (wanted ? [] : missing).map((entry) => ({
      ...entry,
      install: installCommand(entry.package, context.cwd, context.environment),
    }));
    if (context.global.json) {
      context.json({
        drivers: drivers.map((driver) => ({
          name: driver.name,
          aliases: driver.aliases,
          package: driver.package,
          services: (driver.catalog?.services ?? []).map((service) => ({
            name: service.name,
            global: service.global ?? false,
            ...(service.description ? { description: service.description } : {}),
            resourceTypes: service.resourceTypes.map((type) => type.type),
          })),
          ...(driver.error ? { error: driver.error } : {}),
        })),
        notInstalled,
        ...(broken.length > 0 ? { broken } : {}),
      });
      return 0;
    }
    const palette = context.terminal.out;
    for (const driver of drivers) {
      const services = driver.catalog?.services ?? [];
      const typeCount = services.reduce(
        (total, service) => total + service.resourceTypes.length,
        0,
      );
      const aliases =
        driver.aliases.length > 0 ? palette.dim(` (also ${driver.aliases.join(', ')})`) : '';
      context.out(
        `${palette.bold(palette.cyan(driver.name))}${aliases}  ${palette.dim(`${driver.package ?? 'registered in code'} · ${services.length} services · ${typeCount} resource types`)}`,
      );
      if (driver.error) context.out(palette.red(`  catalog unavailable: ${driver.error}`));
      else if (!driver.catalog) context.out(palette.dim('  no catalog'));
      for (const service of services) {
        context.out(
          `  ${service.name}${palette.dim(service.global ? ' (global)' : '')}: ${service.resourceTypes.map((type) => type.type).join(', ')}`,
        );
      }
    }
    if (notInstalled.length > 0) {
      context.out('');
      context.out(palette.bold('not installed'));
      for (const entry of notInstalled)
        context.out(`  ${entry.driver.padEnd(14)} ${palette.dim(entry.install)}`);
    }
    for (const entry of broken)
      context.log(
        context.terminal.err.red(
          `${entry.package} is installed but failed to load: ${entry.error}`,
        ),
      );
    return 0;
  },
};
