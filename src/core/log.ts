/**
 * Logs are data: one JSON object per line on stdout (journald keeps them), namespaced by
 * subsystem and carrying the station id. Human formatting lives in the CLI, except the
 * optional `pretty` format used when a person runs the daemon in a terminal.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogSink {
  write(line: string): void;
}

export interface LoggerOptions {
  station: string;
  level?: LogLevel;
  format?: 'json' | 'pretty';
  sink?: LogSink;
  now?: () => number;
}

export class Logger {
  private readonly opts: Required<LoggerOptions>;
  readonly subsystem: string;

  constructor(opts: LoggerOptions, subsystem = 'main') {
    this.opts = {
      level: 'info',
      format: 'json',
      sink: process.stdout,
      now: Date.now,
      ...opts,
    };
    this.subsystem = subsystem;
  }

  child(subsystem: string): Logger {
    return new Logger(this.opts, subsystem);
  }

  debug(msg: string, fields: Record<string, unknown> = {}): void {
    this.emit('debug', msg, fields);
  }
  info(msg: string, fields: Record<string, unknown> = {}): void {
    this.emit('info', msg, fields);
  }
  warn(msg: string, fields: Record<string, unknown> = {}): void {
    this.emit('warn', msg, fields);
  }
  error(msg: string, fields: Record<string, unknown> = {}): void {
    this.emit('error', msg, fields);
  }

  private emit(level: LogLevel, msg: string, fields: Record<string, unknown>): void {
    if (ORDER[level] < ORDER[this.opts.level]) return;
    const ts = new Date(this.opts.now()).toISOString();
    if (this.opts.format === 'pretty') {
      const extra = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
      this.opts.sink.write(
        `${ts.slice(11, 23)} ${level.padEnd(5)} ${this.subsystem.padEnd(8)} ${msg}${extra}\n`,
      );
      return;
    }
    const record = { ts, level, station: this.opts.station, sub: this.subsystem, msg, ...fields };
    this.opts.sink.write(`${JSON.stringify(record)}\n`);
  }
}

/** A logger that keeps lines in memory, for tests. */
export function memoryLogger(station = 'test'): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = new Logger({ station, level: 'debug', sink: { write: (l) => void lines.push(l) } });
  return { log, lines };
}
