/**
 * What a hub does with what the other hubs tell it (cluster/bus.ts; issue 20 item 4): deliver
 * the commands and desired states of the stations it holds, pass other hubs' changes and
 * events to its own watchers, end a session another hub took over, and sweep the tables for
 * what a lost notification would have said. The tables are the truth, so the sweep is what
 * makes delivery certain; the notifications only make it quick.
 */
import type { Logger } from '../core/log.js';
import type { BusMessage } from './cluster/bus.js';
import type { Sessions } from './sessions.js';
import type { HubStores } from './stores.js';

/** At most this many events read for one notification (a larger burst: the watchers' next query). */
const MAX_EVENTS = 1000;

export class HubRouting {
  /** Sweeps run and what they delivered (metrics, tests). */
  sweeps = 0;

  constructor(
    private readonly sessions: Sessions,
    private readonly stores: Pick<HubStores, 'commands' | 'desired' | 'events'>,
    private readonly log: Logger,
  ) {}

  handle(m: BusMessage): void {
    try {
      this.dispatch(m);
    } catch (e) {
      this.log.warn('hub bus: message not handled', { kind: m.kind, error: (e as Error).message });
    }
  }

  private dispatch(m: BusMessage): void {
    const s = this.sessions;
    switch (m.kind) {
      case 'commands':
        if (s.get(m.station)?.ready) s.deliverCommands(m.station, new Set(m.ids));
        return;
      case 'desired':
        if (s.get(m.station)?.ready) s.deliverDesired(m.station);
        return;
      case 'changed':
        s.remoteChanged(m.stations);
        return;
      case 'events':
        if (s.watched) s.remotePublished(this.eventsOf(m.station, m.after, m.upTo));
        return;
      case 'taken':
        this.takenOver(m.station, m.hub, m.since);
        return;
      case 'resync':
        this.sweep();
    }
  }

  /** Another hub welcomed a newer session of a station this one holds: this one is stale. */
  private takenOver(station: string, hub: string, since: number): void {
    const mine = this.sessions.get(station);
    if (mine && mine.since <= since) mine.end(`taken over by a newer session on hub ${hub}`);
    this.sessions.remoteChanged([station]);
  }

  private eventsOf(station: string, after: number, upTo: number) {
    const limit = Math.min(MAX_EVENTS, Math.max(1, upTo - after));
    return this.stores.events
      .query({ stationId: station, afterSeq: after, limit })
      .filter((e) => e.seq > after && e.seq <= upTo)
      .sort((a, b) => a.seq - b.seq);
  }

  /**
   * Delivers what the stations held here are owed and were not sent in their session: one
   * query for the open commands of every station and one for the desired versions, then a
   * station's commands only for a held station that has some (bounded by what is open).
   */
  sweep(): void {
    this.sweeps++;
    const held = new Set(this.sessions.ids());
    if (held.size === 0) return;
    for (const [station, n] of this.stores.commands.openCounts())
      if (n > 0 && held.has(station)) this.sessions.deliverCommands(station);
    for (const [station, version] of this.stores.desired.versions())
      if (version > 0 && held.has(station)) this.sessions.deliverDesired(station, undefined, version);
  }
}
