/**
 * Splits a Firmata byte stream into messages, as the board side does: a status byte (≥ 0x80)
 * starts a message with a fixed number of data bytes; F0 … F7 is a sysex. Stray data bytes and
 * unknown commands are dropped, so garbage on the line cannot wedge the parser.
 */
const DATA_BYTES: Record<number, number> = { 144: 2, 192: 1, 208: 1, 224: 2 };
const SYSTEM_BYTES: Record<number, number> = { 244: 2, 245: 2, 249: 0, 255: 0 };
const MAX_SYSEX = 1024;

export class FirmataParser {
  private cmd: number | undefined;
  private need = 0;
  private data: number[] = [];

  constructor(private readonly onMessage: (cmd: number, data: number[]) => void) {}

  reset(): void {
    this.cmd = undefined;
    this.data = [];
  }

  push(chunk: Uint8Array): void {
    for (const b of chunk) this.byte(b);
  }

  private byte(b: number): void {
    if (this.cmd === 0xf0) {
      if (b === 0xf7) {
        this.emit();
        return;
      }
      if (b >= 0x80 || this.data.length >= MAX_SYSEX) {
        this.start(b);
        return;
      }
      this.data.push(b);
      return;
    }
    if (b >= 0x80) {
      this.start(b);
      return;
    }
    if (this.cmd === undefined) return; // a data byte without a command: noise
    this.data.push(b);
    if (this.data.length >= this.need) this.emit();
  }

  private start(b: number): void {
    this.data = [];
    this.cmd = undefined;
    if (b === 0xf0) {
      this.cmd = b;
      return;
    }
    const need = b >= 0xf0 ? SYSTEM_BYTES[b] : DATA_BYTES[b & 0xf0];
    if (need === undefined) return;
    this.cmd = b;
    this.need = need;
    if (need === 0) this.emit();
  }

  private emit(): void {
    const cmd = this.cmd as number;
    const data = this.data;
    this.reset();
    this.onMessage(cmd, data);
  }
}
