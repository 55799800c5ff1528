import type { BenchBackend, BenchEngine } from './bench-engines.ts';
import { type BenchScenario, benchScenarios } from './bench-estate.ts';
import type { S3ClientSetup } from './bench-s3-server.ts';

/** What `pnpm bench` runs; every field has a command-line flag. */
export interface BenchOptions {
  /** Estate sizes. `--sizes 1000,10000,100000` */
  sizes: number[];
  /** Backends. `--backends memory,file,s3` */
  backends: BenchBackend[];
  /** Scenarios reported (the initial sync always runs first to build the state). `--scenarios initial,unchanged` */
  scenarios: BenchScenario[];
  /** Engines. `--engines core,reference` */
  engines: BenchEngine[];
  /** Every scenario on every backend for both engines (no presets, no seeding; long). `--full` */
  full: boolean;
  /** Seed the s3 cases marked so in the plan from the memory case's state. `--no-seed` turns it off. */
  seed: boolean;
  /** Per-scenario time limit of s3db.js's plugin, seconds. `--reference-time-limit 120` */
  referenceTimeLimitSeconds: number;
  /** Per-scenario time limit of our engine, seconds. `--time-limit 900` */
  timeLimitSeconds: number;
  /** Time box of the initial sync of a seeded s3 case (run on a bucket of its own), seconds. `--seeded-initial-time-limit 30` */
  seededInitialTimeLimitSeconds: number;
  /** s3db.js S3 client set-up: `tuned` (AWS SDK handler, transient retries only) or `default`. `--s3-client default` */
  s3Setup: S3ClientSetup;
  /** Mock provider of the estate. `--provider aws-mock` */
  provider: string;
  /** Estate seed. `--estate-seed 7` */
  estateSeed: number;
  /** Run the driver fan-out benchmark. `--no-fan-out` skips it. */
  fanOut: boolean;
  /** Directory of the JSON and markdown results, relative to bench/. `--out results` */
  outDirectory: string;
  /** Also rewrite bench/RESULTS.md (keeping its notes section). `--publish` */
  publish: boolean;
  /** Extra Node.js options of the file and s3 case processes, e.g. a heap cap. `--node-options "--max-old-space-size=256"` */
  nodeOptions: string[];
  /** Run the case processes with Node's and glibc's defaults, not the CLI's worker settings. `--node-defaults` */
  nodeDefaults: boolean;
  /** Keep the CLI's V8 flags but not its glibc malloc settings (to measure those alone). `--malloc-defaults` */
  mallocDefaults: boolean;
}

/** The default run: fits in about 15 minutes on a 2-core machine (see bench-plan.ts). */
export const defaultBenchOptions: BenchOptions = {
  sizes: [1000, 10_000, 100_000],
  backends: ['memory', 'file', 's3'],
  scenarios: [...benchScenarios],
  engines: ['core', 'reference'],
  full: false,
  seed: true,
  referenceTimeLimitSeconds: 120,
  timeLimitSeconds: 900,
  seededInitialTimeLimitSeconds: 30,
  s3Setup: 'tuned',
  provider: 'aws-mock',
  estateSeed: 7,
  fanOut: true,
  outDirectory: 'results',
  publish: false,
  nodeOptions: [],
  nodeDefaults: false,
  mallocDefaults: false,
};

const backendNames: BenchBackend[] = ['memory', 'file', 's3'];
const engineNames: BenchEngine[] = ['core', 'reference'];

const scenarioAliases: Record<string, BenchScenario> = {
  initial: 'initial',
  unchanged: 'unchanged',
  'nothing-changed': 'unchanged',
  'unchanged-recorded': 'unchanged-recorded',
  recorded: 'unchanged-recorded',
  'changed-1pct': 'changed-1pct',
  '1pct': 'changed-1pct',
  'changed-10pct': 'changed-10pct',
  '10pct': 'changed-10pct',
  'deleted-5pct': 'deleted-5pct',
  deleted: 'deleted-5pct',
};

function list(value: string | undefined, flag: string): string[] {
  if (value === undefined || value.startsWith('--'))
    throw new Error(`${flag} needs a value, e.g. ${flag} a,b`);
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function sizes(value: string | undefined, flag: string): number[] {
  return list(value, flag).map((item) => {
    const size = Number(item.replace(/_/g, '').replace(/k$/i, '000'));
    if (!Number.isInteger(size) || size < 1) throw new Error(`${flag}: "${item}" is not a size`);
    return size;
  });
}

function pick<T extends string>(value: string | undefined, flag: string, allowed: T[]): T[] {
  return list(value, flag).map((item) => {
    if (!(allowed as string[]).includes(item))
      throw new Error(`${flag}: "${item}" is not one of ${allowed.join(', ')}`);
    return item as T;
  });
}

function scenarios(value: string | undefined, flag: string): BenchScenario[] {
  const chosen = new Set(
    list(value, flag).map((item) => {
      const scenario = scenarioAliases[item];
      if (!scenario)
        throw new Error(
          `${flag}: "${item}" is not one of ${Object.keys(scenarioAliases).join(', ')}`,
        );
      return scenario;
    }),
  );
  return benchScenarios.filter((scenario) => chosen.has(scenario));
}

function seconds(value: string | undefined, flag: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${flag}: expected seconds > 0`);
  return number;
}

/** Usage text for `--help`. */
export const benchUsage = `Usage: pnpm bench [-- options]

  --sizes 1000,10000,100000      estate sizes (1k, 10k, 100k have presets; see bench/README.md)
  --backends memory,file,s3      storage backends
  --scenarios initial,unchanged,unchanged-recorded,changed-1pct,changed-10pct,deleted-5pct
                                 (aliases: nothing-changed, recorded, 1pct, 10pct, deleted)
  --engines core,reference       ours, s3db.js's CloudInventoryPlugin, or both
  --full                         every scenario, backend and engine at every size (long)
  --no-seed                      sync every s3 case over the wire instead of seeding it
  --reference-time-limit 120     seconds per scenario of s3db.js's plugin before "did not finish"
  --time-limit 900               same, for our engine
  --seeded-initial-time-limit 30 time box of a seeded s3 case's own initial sync
  --s3-client tuned|default      s3db.js S3 client set-up (default: as s3db.js ships it)
  --provider aws-mock            mock driver of the estate
  --estate-seed 7                seed of the estate
  --no-fan-out                   skip the driver fan-out benchmark
  --out results                  where results go (relative to bench/)
  --publish                      also rewrite bench/RESULTS.md (its notes section is kept)
  --node-options "..."           extra Node.js options of the file and s3 case processes (a heap cap)
  --node-defaults                case processes without the CLI's worker V8 flags and malloc settings
  --malloc-defaults              case processes with the worker's V8 flags but glibc's malloc defaults
  --quick                        1,000 resources, memory only (about a minute)
`;

/** Parse `process.argv.slice(2)`; a bare `--` (from `pnpm bench -- ...`) is ignored. */
export function parseBenchOptions(argv: string[]): BenchOptions | 'help' {
  const options: BenchOptions = structuredClone(defaultBenchOptions);
  const args = argv.filter((arg) => arg !== '--');
  for (let index = 0; index < args.length; index += 1) {
    const flag = args[index] as string;
    const next = () => {
      index += 1;
      return args[index];
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--sizes':
        options.sizes = sizes(next(), flag);
        break;
      case '--backends':
        options.backends = pick(next(), flag, backendNames);
        break;
      case '--scenarios':
        options.scenarios = scenarios(next(), flag);
        break;
      case '--engines':
        options.engines = pick(next(), flag, engineNames);
        break;
      case '--full':
        options.full = true;
        break;
      case '--seed':
        options.seed = true;
        break;
      case '--no-seed':
        options.seed = false;
        break;
      case '--reference-time-limit':
        options.referenceTimeLimitSeconds = seconds(next(), flag);
        break;
      case '--time-limit':
        options.timeLimitSeconds = seconds(next(), flag);
        break;
      case '--seeded-initial-time-limit':
        options.seededInitialTimeLimitSeconds = seconds(next(), flag);
        break;
      case '--s3-client':
        options.s3Setup = pick(next(), flag, [
          'tuned',
          'default',
        ] as S3ClientSetup[])[0] as S3ClientSetup;
        break;
      case '--provider':
        options.provider = list(next(), flag)[0] as string;
        break;
      case '--estate-seed':
        options.estateSeed = Number(next());
        break;
      case '--fan-out':
        options.fanOut = true;
        break;
      case '--no-fan-out':
        options.fanOut = false;
        break;
      case '--out':
        options.outDirectory = list(next(), flag)[0] as string;
        break;
      case '--publish':
        options.publish = true;
        break;
      case '--node-defaults':
        options.nodeDefaults = true;
        break;
      case '--malloc-defaults':
        options.mallocDefaults = true;
        break;
      case '--node-options': {
        const value = next();
        if (!value)
          throw new Error(
            '--node-options needs a value, e.g. --node-options "--max-old-space-size=256"',
          );
        options.nodeOptions = value.split(/\s+/).filter(Boolean);
        break;
      }
      case '--quick':
        options.sizes = [1000];
        options.backends = ['memory'];
        options.fanOut = false;
        break;
      default:
        throw new Error(`unknown option "${flag}"\n\n${benchUsage}`);
    }
  }
  return options;
}
