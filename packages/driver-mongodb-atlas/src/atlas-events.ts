import type { RuntimeContext } from '@cloud-inventory/core';
import type { ListStep } from '@cloud-inventory/driver-kit';
import { atlasApiPrefix, listAtlasPages } from './atlas-api.ts';
import type { AtlasItem } from './atlas-project-lists.ts';
import { atlasResource, textField } from './atlas-resources.ts';
import { type AtlasStepInput, isSelected } from './atlas-step-context.ts';

/** The driver's checkpoint: per project, the `created` date of the newest event listed. */
export interface AtlasCheckpoint {
  /** Project id to ISO date; the next run lists events from there (`minDate`). */
  events?: Record<string, string>;
}

const dayMs = 24 * 60 * 60 * 1000;

function checkpointOf(value: unknown): AtlasCheckpoint {
  if (!value || typeof value !== 'object') return {};
  const events = (value as AtlasCheckpoint).events;
  return events && typeof events === 'object'
    ? { ...(value as object), events: { ...events } }
    : {};
}

/**
 * Where each project's event listing starts: the previous run's checkpoint, or `windowDays` ago on
 * a first run. Advanced (and emitted) once a project's events were all listed, never before.
 */
export class AtlasEventsCursor {
  readonly #runtime: Pick<RuntimeContext, 'checkpoint' | 'emitCheckpoint'>;
  readonly #checkpoint: AtlasCheckpoint;
  readonly #firstRunStart: string;
  /** True when an earlier run left a checkpoint: this run lists only what came after it. */
  readonly incremental: boolean;

  constructor(options: {
    runtime: Pick<RuntimeContext, 'checkpoint' | 'emitCheckpoint'>;
    windowDays: number;
    now?: number;
  }) {
    this.#runtime = options.runtime;
    this.#checkpoint = checkpointOf(options.runtime.checkpoint);
    this.incremental = Object.keys(this.#checkpoint.events ?? {}).length > 0;
    this.#firstRunStart = new Date(
      (options.now ?? Date.now()) - options.windowDays * dayMs,
    ).toISOString();
  }

  /** `minDate` of a project's event listing. */
  minDate(groupId: string): string {
    const stored = this.#checkpoint.events?.[groupId];
    return typeof stored === 'string' && !Number.isNaN(Date.parse(stored))
      ? stored
      : this.#firstRunStart;
  }

  /** Record the newest event of a project and emit the whole checkpoint. */
  advance(groupId: string, newest: string): void {
    const events = { ...this.#checkpoint.events, [groupId]: newest };
    this.#checkpoint.events = events;
    this.#runtime.emitCheckpoint({ ...this.#checkpoint, events });
  }
}

function later(left: string, right: string | undefined): string {
  if (!right) return left;
  return Date.parse(right) > Date.parse(left) ? right : left;
}

/** The events step: `GET /groups/{groupId}/events?minDate=<checkpoint>` for every project. */
export function eventSteps(input: AtlasStepInput, cursor: AtlasEventsCursor): ListStep[] {
  const { settings } = input;
  if (!isSelected(settings, 'events', 'mongodb-atlas.event')) return [];
  return [
    {
      service: 'events',
      resourceTypes: ['mongodb-atlas.event'],
      call: `GET ${atlasApiPrefix}/groups/{groupId}/events`,
      list: async function* ({ signal }) {
        for (const context of input.contexts) {
          const groupId = context.project.id;
          const minDate = cursor.minDate(groupId);
          let newest = minDate;
          const events = listAtlasPages<AtlasItem>(
            { client: settings.client, service: 'events', signal },
            {
              call: 'events',
              path: `/groups/${groupId}/events`,
              itemsPerPage: settings.itemsPerPage,
              query: { minDate },
            },
          );
          for await (const event of events) {
            const id = textField(event, 'id');
            if (!id) continue;
            newest = later(newest, textField(event, 'created'));
            yield atlasResource({
              context,
              service: 'events',
              resourceType: 'mongodb-atlas.event',
              resourceId: id,
              name: textField(event, 'eventTypeName'),
              configuration: event,
            });
          }
          // Only a project listing that reached its last page moves its checkpoint.
          cursor.advance(groupId, newest);
        }
      },
    },
  ];
}
