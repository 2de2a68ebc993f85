import { Checkpoint, EventFilter, EventStore } from '@lien/shared-event-store';

/** Lags are counted at most this far: a scrape stays cheap when a reader is far behind. */
export const LAG_COUNT_CAP = 1000;

/** Events of `filter` in the store after `after`, up to the cap; a filtered page can stop short of the end, so pages are followed. */
export async function countEventsAfter(store: EventStore, after: Checkpoint, filter: EventFilter | undefined): Promise<number> {
  let count = 0;
  let from = after;
  while (count < LAG_COUNT_CAP) {
    const page = await store.readAll({ after: from, maxCount: LAG_COUNT_CAP - count, ...(filter ? { filter } : {}) });
    count += page.events.length;
    if (page.isEnd || page.checkpoint === from) break;
    from = page.checkpoint;
  }
  return Math.min(count, LAG_COUNT_CAP);
}
