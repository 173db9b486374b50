/**
 * A small kernel-like stand-in for the sysfs GPIO class (Documentation/admin-guide/gpio/
 * sysfs.rst) on a plain tmpfs: it creates gpiochipN/{label,base,ngpio}, and reacts (inotify)
 * to what programs write:
 *   export N        → gpioN/{direction,value,active_low,edge}, line starts as an input
 *   unexport N      → gpioN/ removed
 *   direction high|low|out|in → output at that *raw* level ("out" = low), or input
 *   active_low 0|1  → value reads and writes are inverted from then on
 *   value 0|1       → an output's logical level (raw = value XOR active_low)
 * It keeps a history of every raw level an output took, so tests can prove a relay never
 * glitched on, and models relay feedback contacts and other inputs (`setInput`).
 */
import { existsSync, type FSWatcher, mkdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FakeChip {
  label: string;
  base: number;
  ngpio: number;
}

/** While line `coil` is at raw level `energisedAt`, line `contact` reads raw `closedLevel`. */
export interface FakeContact {
  coil: number;
  contact: number;
  energisedAt: 0 | 1;
  closedLevel: 0 | 1;
}

export interface LineState {
  direction: 'in' | 'out';
  activeLow: boolean;
  raw: 0 | 1;
}

export interface RawChange {
  line: number;
  raw: 0 | 1;
  direction: 'in' | 'out';
  at: number;
}

type Rendered = { direction: string; value: string; active_low: string };

export class FakeGpioKernel {
  readonly history: RawChange[] = [];
  /** Lines that were ever exported, in order. */
  readonly exported: number[] = [];
  private readonly lines = new Map<number, LineState & { rendered: Rendered; watcher: FSWatcher }>();
  private readonly inputLevels = new Map<number, 0 | 1>();
  private readonly listeners: ((c: RawChange) => void)[] = [];
  private rootWatcher: FSWatcher | undefined;

  constructor(
    readonly root: string,
    private readonly chips: FakeChip[],
    private readonly contacts: FakeContact[] = [],
  ) {}

  start(): void {
    writeFileSync(join(this.root, 'export'), '');
    writeFileSync(join(this.root, 'unexport'), '');
    for (const c of this.chips) {
      const d = join(this.root, `gpiochip${c.base}`);
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'label'), `${c.label}\n`);
      writeFileSync(join(d, 'base'), `${c.base}\n`);
      writeFileSync(join(d, 'ngpio'), `${c.ngpio}\n`);
    }
    this.rootWatcher = watch(this.root, (_e, f) => {
      if (f === 'export') this.onExport();
      if (f === 'unexport') this.onUnexport();
    });
  }

  stop(): void {
    this.rootWatcher?.close();
    for (const l of this.lines.values()) l.watcher.close();
    this.lines.clear();
  }

  line(n: number): LineState | undefined {
    const l = this.lines.get(n);
    return l && { direction: l.direction, activeLow: l.activeLow, raw: l.raw };
  }

  /** An input's raw level (a contact, the mains opto, a button). */
  setInput(n: number, raw: 0 | 1): void {
    this.inputLevels.set(n, raw);
    const l = this.lines.get(n);
    if (l && l.direction === 'in') {
      l.raw = raw;
      this.render(n);
    }
  }

  onChange(fn: (c: RawChange) => void): () => void {
    this.listeners.push(fn);
    return () => this.listeners.splice(this.listeners.indexOf(fn), 1);
  }

  private take(file: string): string {
    const p = join(this.root, file);
    const s = readFileSync(p, 'utf8').trim();
    if (s) writeFileSync(p, '');
    return s;
  }

  private onExport(): void {
    const n = Number(this.take('export'));
    if (!Number.isInteger(n) || this.lines.has(n)) return;
    if (!this.chips.some((c) => n >= c.base && n < c.base + c.ngpio)) return; // the kernel says EINVAL
    const dir = join(this.root, `gpio${n}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'edge'), 'none\n');
    const rendered = { direction: '', value: '', active_low: '' };
    const watcher = watch(dir, () => this.onLineWrite(n));
    this.lines.set(n, {
      direction: 'in',
      activeLow: false,
      raw: this.inputLevels.get(n) ?? 0,
      rendered,
      watcher,
    });
    this.render(n);
    this.exported.push(n);
  }

  private onUnexport(): void {
    const n = Number(this.take('unexport'));
    const l = this.lines.get(n);
    if (!l) return;
    l.watcher.close();
    this.lines.delete(n);
    rmSync(join(this.root, `gpio${n}`), { recursive: true, force: true });
  }

  /** Applies what a program wrote, in the order the kernel would accept it. */
  private onLineWrite(n: number): void {
    const l = this.lines.get(n);
    const dir = join(this.root, `gpio${n}`);
    if (!l || !existsSync(dir)) return;
    const read = (f: keyof Rendered) => readFileSync(join(dir, f), 'utf8').trim();
    const now = { direction: read('direction'), value: read('value'), active_low: read('active_low') };
    const was = { direction: l.direction, raw: l.raw };
    if (now.active_low !== l.rendered.active_low) l.activeLow = now.active_low === '1';
    if (now.direction !== l.rendered.direction) {
      if (now.direction === 'in') l.direction = 'in';
      else if (['high', 'low', 'out'].includes(now.direction)) {
        l.direction = 'out';
        l.raw = now.direction === 'high' ? 1 : 0;
      }
    } else if (now.value !== l.rendered.value && l.direction === 'out' && /^[01]$/.test(now.value))
      l.raw = ((now.value === '1') !== l.activeLow ? 1 : 0) as 0 | 1;
    if (l.direction === 'in') l.raw = this.inputLevels.get(n) ?? l.raw;
    this.render(n);
    if (l.direction === 'out' && (was.raw !== l.raw || was.direction !== 'out')) this.changed(n, l);
  }

  private changed(n: number, l: LineState): void {
    const c: RawChange = { line: n, raw: l.raw, direction: l.direction, at: performance.now() };
    this.history.push(c);
    for (const fn of [...this.listeners]) fn(c);
    for (const k of this.contacts.filter((x) => x.coil === n))
      this.setInput(k.contact, l.raw === k.energisedAt ? k.closedLevel : k.closedLevel ? 0 : 1);
  }

  private render(n: number): void {
    const l = this.lines.get(n);
    if (!l) return;
    const dir = join(this.root, `gpio${n}`);
    const r: Rendered = {
      direction: l.direction,
      value: (l.raw === 1) !== l.activeLow ? '1' : '0',
      active_low: l.activeLow ? '1' : '0',
    };
    for (const f of ['direction', 'value', 'active_low'] as const)
      if (r[f] !== l.rendered[f]) writeFileSync(join(dir, f), `${r[f]}\n`);
    l.rendered = r;
  }
}
