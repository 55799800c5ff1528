import { BaseCloudDriver, type CloudResource, type ListOptions } from '@cloud-inventory/core';

/** Configuration of the deterministic estate driver. */
export interface EstateConfig {
  accountId: string;
  /** Number of resource slots. */
  count: number;
  /** Estate generation: every generation changes a fifth of the resources and deletes a few. */
  generation: number;
  /** Delay before each resource is yielded. @default 0 */
  delayMs?: number;
  /** Emit `{ position }` every this many resources (and null at the end). @default 20 */
  checkpointEvery?: number;
  /** Resume after the position of `runtime.checkpoint`. @default true */
  resume?: boolean;
}

/** What the driver reports while it runs (workers print these as JSON lines). */
export type EstateEvent =
  | { type: 'listing-started'; cloudId: string; checkpoint: unknown; pid: number }
  | { type: 'checkpoint-emitted'; cloudId: string; checkpoint: unknown }
  | { type: 'listed'; cloudId: string; position: number }
  | { type: 'listing-finished'; cloudId: string };

type Listener = (event: EstateEvent) => void;
const listeners = new Set<Listener>();

/** Subscribe to driver events; returns an unsubscribe function. */
export function onEstateEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: EstateEvent): void {
  for (const listener of listeners) listener(event);
}

const sizes = ['t3.micro', 't3.small', 't3.medium', 't3.large'];

/** True when slot `index` exists in `generation` (a few slots come and go). */
export function slotExists(index: number, generation: number): boolean {
  return generation === 0 || index % 23 !== generation % 23;
}

/** True when slot `index` changes in every generation (a fifth of them). */
export function slotChanges(index: number): boolean {
  return index % 5 === 0;
}

/** The resource of slot `index` in `generation`, or null when it is absent. */
export function estateResource(
  accountId: string,
  index: number,
  generation: number,
): CloudResource | null {
  if (!slotExists(index, generation)) return null;
  const revision = slotChanges(index) ? generation : 0;
  return {
    provider: 'aws',
    accountId,
    region: index % 2 === 0 ? 'us-east-1' : 'eu-west-1',
    service: 'ec2',
    resourceType: 'aws.ec2.instance',
    resourceId: `i-${String(index).padStart(5, '0')}`,
    name: `server-${index}`,
    tags: { env: index % 4 === 0 ? 'prod' : 'dev', revision: String(revision) },
    configuration: {
      InstanceType: sizes[revision % sizes.length],
      ImageId: `ami-${(index * 7919) % 100000}`,
      SecurityGroups: [{ GroupId: `sg-${index % 5}`, GroupName: 'default' }],
      Revision: revision,
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 + (revision % 3) } }],
    },
  };
}

/** A deterministic driver: `count` EC2-like instances whose content depends on `generation`. */
export class EstateDriver extends BaseCloudDriver<unknown, EstateConfig> {
  /** Checkpoints seen at the start of each listing, by cloud id (in this process). */
  static checkpointsSeen: Array<{ cloudId: string; checkpoint: unknown }> = [];

  async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    const { count, generation, delayMs = 0, checkpointEvery = 20, resume = true } = this.config;
    const checkpoint = options.runtime.checkpoint as { position?: number } | null;
    EstateDriver.checkpointsSeen.push({ cloudId: this.id, checkpoint });
    emit({ type: 'listing-started', cloudId: this.id, checkpoint, pid: process.pid });
    const start = resume && typeof checkpoint?.position === 'number' ? checkpoint.position : 0;
    for (let index = start; index < count; index += 1) {
      if (options.signal.aborted) return;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const resource = estateResource(this.config.accountId, index, generation);
      if (resource) yield resource;
      emit({ type: 'listed', cloudId: this.id, position: index + 1 });
      if ((index + 1) % checkpointEvery === 0 && index + 1 < count) {
        const value = { position: index + 1, generation };
        options.runtime.emitCheckpoint(value);
        emit({ type: 'checkpoint-emitted', cloudId: this.id, checkpoint: value });
      }
    }
    options.runtime.emitCheckpoint(null);
    emit({ type: 'listing-finished', cloudId: this.id });
  }
}
