/**
 * Readings straight from the modem's AT port (no ModemManager): 27.007 +CSQ, +CESQ, +COPS?,
 * +CEREG? (+CREG? off LTE), +CGACT?, and the vendor's serving-cell command where the profile
 * names one (Quectel AT+QENG, SIMCom AT+CPSI?), which adds SINR and fills what +CESQ lacks.
 */
import type { Clock } from '../core/clock.js';
import { LoaError } from '../core/errors.js';
import type { ModemProfile } from '../hal/modem-profile.js';
import { parseCesq, parseCgact, parseCops, parseCpsi, parseCsq, parseQeng, parseReg } from './at-parse.js';
import { AtPort } from './at-port.js';
import { emptySignal, type ModemReading, type ModemSource, registered } from './types.js';

/** A reset takes the modem off the bus for a few seconds; this is how long CFUN may take to answer. */
const RESET_ANSWER_MS = 15_000;

export class AtModemSource implements ModemSource {
  readonly kind = 'at' as const;
  private readonly port: AtPort;
  private configured = false;

  constructor(
    private readonly m: ModemProfile,
    clock: Clock,
  ) {
    if (!m.port) throw new LoaError('CONFIG', 'modem.port: the AT port is required for source "at"');
    this.port = new AtPort(m.port, m.baudRate, m.commandTimeoutMs, clock);
  }

  async read(): Promise<ModemReading> {
    if (!this.port.isOpen) this.configured = false;
    if (!this.configured) await this.configure();
    const cmd = (c: string) => this.port.command(c);
    const optional = (c: string) => this.port.command(c).catch(ignoreErrorAnswer);
    const signal = emptySignal();
    signal.rssiDbm = parseCsq(await cmd('AT+CSQ'));
    Object.assign(signal, parseCesq(await optional('AT+CESQ')));
    const cops = parseCops(await cmd('AT+COPS?'));
    // EPS registration (LTE) first; a modem on 2G/3G only answers that in +CREG
    const eps = parseReg(await optional('AT+CEREG?'), '+CEREG');
    const reg =
      eps && registered(eps.registration) ? eps : (parseReg(await optional('AT+CREG?'), '+CREG') ?? eps);
    const connected = parseCgact(await optional('AT+CGACT?'));
    const reading: ModemReading = {
      registration: reg?.registration ?? 'unknown',
      connected,
      tech: cops.tech,
      operator: cops.operator,
      cellId: reg?.cellId ?? null,
      tac: reg?.tac ?? null,
      signal,
    };
    await this.vendorCell(reading);
    return reading;
  }

  async reconnect(): Promise<void> {
    // 27.007 §10.1.10: deactivate then activate PDP context 1 (the APN is set again first)
    if (this.m.apn) await this.port.command(`AT+CGDCONT=1,"IP","${this.m.apn}"`);
    await this.port.command('AT+CGACT=0,1').catch(ignoreErrorAnswer);
    await this.port.command('AT+CGACT=1,1', 30_000);
  }

  async reset(): Promise<void> {
    // 27.007 §8.2: fun 1 with rst 1 resets the MT before setting full functionality
    await this.port.command('AT+CFUN=1,1', RESET_ANSWER_MS).catch(ignoreErrorAnswer);
    await this.port.close(); // the modem re-enumerates: reopen on the next poll
  }

  close(): Promise<void> {
    return this.port.close();
  }

  /** Echo off, verbose errors, long operator names, cell id in +CEREG/+CREG answers. */
  private async configure(): Promise<void> {
    await this.port.command('ATE0');
    for (const c of ['AT+CMEE=2', 'AT+COPS=3,0', 'AT+CEREG=2', 'AT+CREG=2'])
      await this.port.command(c).catch(ignoreErrorAnswer);
    this.configured = true;
  }

  private async vendorCell(r: ModemReading): Promise<void> {
    if (this.m.vendor === 'none') return;
    const lines = await this.port
      .command(this.m.vendor === 'quectel' ? 'AT+QENG="servingcell"' : 'AT+CPSI?')
      .catch(ignoreErrorAnswer);
    const cell = this.m.vendor === 'quectel' ? parseQeng(lines) : parseCpsi(lines);
    if (!cell) return;
    const { cellId, tac, ...signal } = cell;
    for (const [k, v] of Object.entries(signal) as [keyof typeof signal, number | null][])
      if (v !== null) r.signal[k] = v;
    r.cellId ||= cellId || null;
    r.tac ||= tac || null;
  }
}

/** A command the modem refuses (ERROR) tells us nothing; a silent or missing modem is thrown on. */
function ignoreErrorAnswer(e: unknown): string[] {
  if (e instanceof LoaError && e.code === 'HARDWARE') return [];
  throw e;
}
