/**
 * A 4G modem on a real pseudo-terminal, for tests and benchmarks: `socat` makes the pty (at a
 * /dev/serial/by-id-like path) and relays it to this program, which answers 3GPP TS 27.007 AT
 * commands as a Quectel EC25 or a SIMCom SIM7600 would (echo until ATE0; +CSQ, +CESQ, +COPS?,
 * +CREG?/+CEREG? with n = 2, +CGACT, +CGDCONT, +CFUN=1,1, and AT+QENG="servingcell" / AT+CPSI?
 * for the vendor chosen). Signal, registration and the data connection are what the test sets.
 *
 * Data: with `netDir`, the emulator is also the kernel's view of the modem's network interface:
 * NET/IFACE/statistics/{rx,tx}_bytes grow every trafficMs while data flows (registered, context
 * active, not hung, not stalled), like the uplink's keepalives; the folder disappears while the
 * modem is unplugged or unpowered and comes back at zero.
 *
 * ModemManager: with `mmDir`, every state change writes what `mmcli -J` would print
 * (modem.json, signal.json, location.json, bearer.json) for test/helpers/fake-mmcli.sh, and
 * applies the actions that script appends to mmDir/actions (reconnect, reset) — ModemManager
 * cannot run here (no D-Bus system bus, no modem), so the fake executable stands in for it.
 *
 *   emu.set({ rsrpDbm: -115 })   signal / registration / operator / cell as the network gives
 *   emu.stallData(clearedBy)     "connected" but no byte flows until a reconnect/reset/power cycle
 *   emu.hang(true)               the firmware hangs: no answer, no data
 *   emu.unplug() / replug()      the USB device disappears / comes back
 *   emu.power(false|true)        the supply relay: off = unplugged; on = boots, registers, connects
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mmcliFiles } from './modem-mmcli.js';

export interface ModemState {
  rsrpDbm: number;
  rsrqDb: number;
  rssiDbm: number;
  sinrDb: number;
  /** 27.007 <stat>: 0 idle, 1 home, 2 searching, 3 denied, 4 unknown, 5 roaming. */
  stat: number;
  operator: string;
  /** 27.007 <AcT>: 7 = E-UTRAN (LTE). */
  act: number;
  cellId: string;
  tac: string;
  /** PDP context 1 active. */
  pdp: boolean;
}

export interface ModemEmulatorOptions {
  dir: string;
  vendor?: 'quectel' | 'simcom' | 'none';
  netDir?: string;
  iface?: string;
  mmDir?: string;
  trafficMs?: number;
  bytesPerTick?: number;
  /** After a reset or power-on: off the bus this long, then registered after registerMs. */
  bootMs?: number;
  registerMs?: number;
}

export type StallCure = 'reconnect' | 'reset' | 'power' | 'never';

export class ModemEmulator {
  readonly path: string;
  readonly commands: string[] = [];
  state: ModemState = {
    rsrpDbm: -88,
    rsrqDb: -9,
    rssiDbm: -61,
    sinrDb: 14,
    stat: 1,
    operator: 'Viettel',
    act: 7,
    cellId: '0A1B2C3D',
    tac: '3A0F',
    pdp: true,
  };
  rx = 0;
  tx = 0;
  /** When the last byte flowed (performance.now()), for recovery timings. */
  lastByteAt = performance.now();
  private socat: ChildProcess | undefined;
  private buf = '';
  private echo = true;
  private hung = false;
  private stall: StallCure | undefined;
  private plugged = false;
  private powered = true;
  private traffic: NodeJS.Timeout | undefined;
  private timers = new Set<NodeJS.Timeout>();
  private readonly o: Required<Omit<ModemEmulatorOptions, 'netDir' | 'mmDir'>> &
    Pick<ModemEmulatorOptions, 'netDir' | 'mmDir'>;

  private constructor(o: ModemEmulatorOptions) {
    this.o = {
      vendor: 'quectel',
      iface: 'wwan0',
      trafficMs: 100,
      bytesPerTick: 180,
      bootMs: 300,
      registerMs: 300,
      ...o,
    };
    this.path = join(o.dir, `usb-Quectel_EC25_emulated-if02-port0`);
  }

  static async start(o: ModemEmulatorOptions): Promise<ModemEmulator> {
    const emu = new ModemEmulator(o);
    await emu.plug();
    emu.traffic = setInterval(() => emu.tick(), emu.o.trafficMs);
    return emu;
  }

  set(s: Partial<ModemState>): void {
    Object.assign(this.state, s);
    this.publish();
  }

  stallData(clearedBy: StallCure): void {
    this.stall = clearedBy;
  }

  hang(on: boolean): void {
    this.hung = on;
  }

  get flowing(): boolean {
    return this.plugged && !this.hung && !this.stall && this.state.pdp && [1, 5].includes(this.state.stat);
  }

  async unplug(): Promise<void> {
    const p = this.socat;
    this.socat = undefined;
    this.plugged = false;
    if (this.o.netDir) rmSync(this.ifaceDir(), { recursive: true, force: true });
    this.publish();
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((res) => {
      p.once('exit', () => res());
      p.kill('SIGTERM');
    });
  }

  async replug(): Promise<void> {
    await this.plug();
  }

  /** The supply through the power relay. Off clears any hang or stall (the firmware restarts). */
  async power(on: boolean): Promise<void> {
    if (on === this.powered) return;
    this.powered = on;
    if (!on) {
      this.hung = false;
      if (this.stall) this.stall = this.stall === 'never' ? 'never' : undefined;
      return this.unplug();
    }
    await this.boot();
  }

  async stop(): Promise<void> {
    clearInterval(this.traffic);
    for (const t of this.timers) clearTimeout(t);
    await this.unplug();
  }

  private later(ms: number, fn: () => void | Promise<void>): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      void fn();
    }, ms);
    this.timers.add(t);
  }

  /** Re-enumerates after bootMs, registers and brings its context up after registerMs. */
  private async boot(): Promise<void> {
    this.echo = true;
    this.state.stat = 2;
    this.state.pdp = false;
    this.later(this.o.bootMs, async () => {
      if (!this.powered) return;
      await this.plug();
      this.later(this.o.registerMs, () => {
        // the module's auto-connect (ECM/RNDIS mode) or ModemManager brings the bearer up
        this.set({ stat: 1, pdp: true });
      });
    });
  }

  private async plug(): Promise<void> {
    const p = spawn('socat', ['-b', '256', `pty,raw,echo=0,link=${this.path}`, 'STDIO'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.socat = p;
    p.stdout?.on('data', (b: Buffer) => this.onBytes(b.toString('latin1')));
    p.stdin?.on('error', () => undefined);
    const deadline = Date.now() + 5000;
    while (!existsSync(this.path)) {
      if (p.exitCode !== null || Date.now() > deadline) throw new Error(`socat did not create ${this.path}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    this.plugged = true;
    this.buf = '';
    if (this.o.netDir) {
      mkdirSync(join(this.ifaceDir(), 'statistics'), { recursive: true });
      this.rx = 0;
      this.tx = 0;
      this.writeCounters();
    }
    this.publish();
  }

  private ifaceDir(): string {
    return join(this.o.netDir ?? '', this.o.iface);
  }

  private tick(): void {
    this.applyMmActions();
    if (!this.flowing) return;
    this.rx += this.o.bytesPerTick;
    this.tx += Math.round(this.o.bytesPerTick / 2);
    this.lastByteAt = performance.now();
    if (this.o.netDir) this.writeCounters();
  }

  private writeCounters(): void {
    const dir = join(this.ifaceDir(), 'statistics');
    if (!existsSync(dir)) return;
    writeFileSync(join(dir, 'rx_bytes'), `${this.rx}\n`);
    writeFileSync(join(dir, 'tx_bytes'), `${this.tx}\n`);
  }

  private send(text: string): void {
    const stdin = this.socat?.stdin;
    if (stdin && !stdin.destroyed) stdin.write(text);
  }

  private onBytes(text: string): void {
    if (this.hung) return;
    this.buf += text;
    for (;;) {
      const i = this.buf.indexOf('\r');
      if (i < 0) break;
      const cmd = this.buf.slice(0, i).replace(/\n/g, '').trim();
      this.buf = this.buf.slice(i + 1);
      if (cmd) this.command(cmd);
    }
  }

  private command(cmd: string): void {
    this.commands.push(cmd);
    if (this.echo) this.send(`${cmd}\r`);
    const answer = this.answer(cmd);
    if (answer === undefined) this.send('\r\nERROR\r\n');
    else this.send(`${answer.map((l) => `\r\n${l}\r\n`).join('')}\r\nOK\r\n`);
  }

  private answer(cmd: string): string[] | undefined {
    const s = this.state;
    const simple: Record<string, () => string[]> = {
      AT: () => [],
      ATE0: () => {
        this.echo = false;
        return [];
      },
      'AT+CSQ': () => [`+CSQ: ${csq(s.rssiDbm)},99`],
      'AT+CESQ': () => [`+CESQ: 99,99,255,255,${cesqRsrq(s.rsrqDb)},${cesqRsrp(s.rsrpDbm)}`],
      'AT+COPS?': () => [s.stat === 1 || s.stat === 5 ? `+COPS: 0,0,"${s.operator}",${s.act}` : '+COPS: 0'],
      'AT+CEREG?': () => [`+CEREG: 2,${s.stat},"${s.tac}","${s.cellId}",${s.act}`],
      'AT+CREG?': () => [`+CREG: 2,${s.stat === 1 || s.stat === 5 ? 0 : s.stat}`],
      'AT+CGACT?': () => [`+CGACT: 1,${s.pdp ? 1 : 0}`],
    };
    const f = simple[cmd];
    if (f) return f();
    if (/^AT\+(CMEE|COPS=3|CEREG=|CREG=|CGDCONT=)/.test(cmd)) return [];
    if (cmd.startsWith('AT+CGACT=')) return this.cgact(cmd.endsWith('=1,1'));
    if (cmd === 'AT+CFUN=1,1') return this.reset();
    return this.vendor(cmd);
  }

  private cgact(on: boolean): string[] {
    if (on && this.stall === 'reconnect') this.stall = undefined;
    this.set({ pdp: on && [1, 5].includes(this.state.stat) });
    return [];
  }

  private reset(): string[] {
    if (this.stall === 'reconnect' || this.stall === 'reset') this.stall = undefined;
    // OK first, then the module drops off USB and boots
    this.later(20, async () => {
      await this.unplug();
      await this.boot();
    });
    return [];
  }

  private vendor(cmd: string): string[] | undefined {
    const s = this.state;
    if (this.o.vendor === 'quectel' && cmd === 'AT+QENG="servingcell"')
      return [
        `+QENG: "servingcell","CONNECT","LTE","FDD",452,04,${s.cellId},221,1850,3,5,5,${s.tac},${s.rsrpDbm},${s.rsrqDb},${s.rssiDbm},${Math.round((s.sinrDb + 20) * 5)},12,-,-`,
      ];
    if (this.o.vendor === 'simcom' && cmd === 'AT+CPSI?')
      return [
        `+CPSI: LTE,Online,452-04,0x${s.tac},${Number.parseInt(s.cellId, 16)},221,EUTRAN-BAND3,1850,5,5,${s.rsrqDb * 10},${s.rsrpDbm * 10},${s.rssiDbm * 10},${s.sinrDb}`,
      ];
    return undefined;
  }

  /** What `mmcli -J` would print now, for the fake mmcli. */
  private publish(): void {
    const dir = this.o.mmDir;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const files = mmcliFiles(this.state, { rx: this.rx, tx: this.tx }, this.o.iface);
    for (const [name, json] of Object.entries(files)) {
      const file = join(dir, name);
      if (this.plugged) writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
      else rmSync(file, { force: true });
    }
  }

  private applyMmActions(): void {
    const dir = this.o.mmDir;
    if (!dir || !existsSync(join(dir, 'actions'))) return;
    const lines = readFileSync(join(dir, 'actions'), 'utf8').split('\n').filter(Boolean);
    rmSync(join(dir, 'actions'));
    for (const a of lines) {
      if (a === 'disconnect') this.cgact(false);
      else if (a === 'connect') this.cgact(true);
      else if (a === 'reset') this.reset();
      appendFileSync(join(dir, 'actions.log'), `${a}\n`);
    }
  }
}

/** 27.007 encodings (the inverse of src/modem/at-parse.ts, from the standard's tables). */
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));
const csq = (dbm: number) => clamp((dbm + 113) / 2, 0, 31);
const cesqRsrp = (dbm: number) => clamp(dbm + 141, 0, 97);
const cesqRsrq = (db: number) => clamp((db + 20) * 2, 0, 34);
