/**
 * Desired state from the district (DESIGN.md decision 3): a versioned schedule plus the media
 * it plays. The station persists it, fetches the media it lacks (in the background, never
 * ahead of a bulletin), applies the schedule through the registry's "schedule.apply" (the
 * schedule module's own validation and persistence), then records and reports the version it
 * runs (`schedule.apply` takes {doc}: the schedule module's own parameters). A version the
 * station refuses is not retried until a newer one arrives. Without a schedule module the document is still persisted and reported (applier
 * "none"), so the district sees convergence and the schedule module finds it when installed.
 */

import type { Clock } from '../core/clock.js';
import { LoaError, toLoaError } from '../core/errors.js';
import type { EventSink } from '../core/events.js';
import type { CommandRegistry } from '../core/registry.js';
import { formatIssues } from '../core/validate.js';
import { checkDesiredSchedule } from '../security/district-input.js';
import type { JsonDoc } from '../store/doc.js';
import type { MediaFetcher } from './media.js';
import { type Desired, desiredSchema, type UplinkState } from './state.js';

export const SCHEDULE_APPLY = 'schedule.apply';

export interface DesiredReport {
  appliedVersion: number;
  fetchingVersion: number;
  mediaMissing: number;
  mediaBytesDone: number;
  mediaBytesTotal: number;
  error: string;
}

export class DesiredApplier {
  private working = 0;
  private missing = 0;
  private listeners = new Set<(r: DesiredReport) => void>();

  constructor(
    private readonly registry: CommandRegistry,
    private readonly doc: JsonDoc<UplinkState>,
    private readonly media: MediaFetcher,
    private readonly clock: Clock,
    private readonly events: EventSink,
  ) {}

  get appliedVersion(): number {
    return this.doc.data.applied?.version ?? 0;
  }

  onReport(cb: (r: DesiredReport) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  report(): DesiredReport {
    let done = 0;
    let total = 0;
    for (const p of this.media.progress.values()) {
      done += p.done;
      total += p.total;
    }
    return {
      appliedVersion: this.appliedVersion,
      fetchingVersion: this.working,
      mediaMissing: this.missing,
      mediaBytesDone: done,
      mediaBytesTotal: total,
      error: this.doc.data.lastError ?? '',
    };
  }

  /** A desired state from the hub: validated, persisted, then converged in the background. */
  async offer(raw: unknown): Promise<void> {
    const r = desiredSchema.safeParse(
      { ...(raw as object), receivedAt: this.clock.now() },
      { reportInput: true },
    );
    if (!r.success) {
      const version = Number((raw as { version?: unknown })?.version) || -1;
      this.fail(new LoaError('INVALID_ARGUMENT', `desired state: ${formatIssues(r.error.issues)}`), version);
      return;
    }
    const d = r.data;
    try {
      checkDesiredSchedule(d.schedule);
    } catch (e) {
      this.fail(toLoaError(e), d.version);
      return;
    }
    if (d.version <= this.appliedVersion || d.version <= (this.doc.data.desired?.version ?? 0)) {
      void this.converge();
      return;
    }
    this.doc.update((s) => {
      s.desired = d;
    });
    await this.doc.flush();
    void this.converge();
  }

  /** Continues a desired state not yet applied (after a restart or a failed media fetch). */
  async converge(): Promise<void> {
    const d = this.doc.data.desired;
    if (!d || d.version <= this.appliedVersion || this.working === d.version) return;
    if (this.doc.data.failedVersion === d.version) return;
    this.working = d.version;
    this.emit();
    try {
      await this.fetchAll(d);
      if (this.doc.data.desired?.version !== d.version) return; // superseded meanwhile
      await this.apply(d);
    } catch (e) {
      this.fail(toLoaError(e), d.version);
    } finally {
      if (this.working === d.version) this.working = 0;
      this.emit();
    }
  }

  private async fetchAll(d: Desired): Promise<void> {
    this.missing = d.media.length;
    for (const m of d.media) {
      await this.media.ensure(m, false);
      this.missing--;
      this.emit();
    }
  }

  private async apply(d: Desired): Promise<void> {
    let applier = 'none';
    if (this.registry.has(SCHEDULE_APPLY)) {
      await this.registry.call(SCHEDULE_APPLY, { doc: d.schedule });
      applier = SCHEDULE_APPLY;
    }
    this.doc.update((s) => {
      s.applied = { version: d.version, at: this.clock.now(), applier };
      delete s.lastError;
    });
    await this.doc.flush();
    this.events.emit({
      kind: 'uplink.desired.applied',
      severity: 'info',
      sub: 'uplink',
      message: `desired state version ${d.version} applied (${applier})`,
      text: { key: 'ev.uplink.desired.applied', vars: { version: d.version } },
      details: { version: d.version, applier, media: d.media.length },
    });
  }

  private fail(err: LoaError, version = this.doc.data.desired?.version ?? 0): void {
    this.doc.update((s) => {
      s.lastError = err.message;
      // a broken link is retried on the next session; a refusal waits for a newer version
      if (err.code !== 'UNAVAILABLE') s.failedVersion = version;
    });
    this.events.emit({
      kind: 'uplink.desired.failed',
      severity: 'warning',
      sub: 'uplink',
      message: `desired state not applied: ${err.message}`,
      text: err.text ? { key: 'ev.uplink.desired.failed', vars: { why: err.text } } : undefined,
      details: { code: err.code, version: this.doc.data.desired?.version ?? 0 },
    });
  }

  private emit(): void {
    const r = this.report();
    for (const l of this.listeners) l(r);
  }
}
