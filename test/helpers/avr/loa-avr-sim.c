/*
 * loa-avr-sim — runs a firmware image (LoaFirmata.elf) on a simulated ATmega2560 (libsimavr,
 * Debian's simavr 1.6) in real time, with its UART0 on a pseudo-terminal, for the tests and the
 * bench (test/helpers/avr-board.ts drives it).
 *
 *   loa-avr-sim FIRMWARE.elf PTY-LINK
 *
 * The pty's slave is linked at PTY-LINK (like a /dev/serial/by-id name). One command per line on
 * stdin; events one per line on stdout. Times: s = simulated ns (AVR cycles / 16 MHz),
 * w = CLOCK_MONOTONIC ns (the clock of Node's process.hrtime).
 *   in P B L        drive input pin port P bit B to level L (0/1)
 *   adc C RAW       analogue input C (0..15) at RAW counts (0..1023) of a 5 V AVCC
 *   spike C RAW N   the next N conversions of channel C read RAW, then its level again
 *   link P B Q C L  a relay: while pin P/B drives level L, input Q/C reads 0 (contact to ground)
 *   tohost HEX..    bytes on the line to the host (noise); toboard HEX..: bytes to the firmware
 *   freeze 0|1      stop/resume the CPU (a hung firmware); unplug / plug (power and pty gone /
 *                   back: a power-on reset and a new pty); quit
 * Events: ready w · pin P B L|z s w (an output's level, z = not driven) · beat s w (a complete
 * HEARTBEAT sysex entered the UART) · trip N s w (FAILSAFE_TRIPPED left it) · spiked C ·
 * stats s w lagmax_ns (every simulated second).
 *
 * Real time: the simulation never runs more than LEAD_NS ahead of the wall clock; behind it,
 * it runs flat out to catch up (stats reports the worst lag). Limits of simavr 1.6 worked
 * around here: its ADC keeps only 8 input values (adc_values[8]) though the ATmega2560 has 16
 * channels, so channels 8–15 are mapped onto 0–7 and the value is set when the conversion
 * starts (ADC_IRQ_OUT_TRIGGER); conversions are one at a time, so the alias is exact.
 */
#define _GNU_SOURCE
#include <avr_adc.h>
#include <avr_ioport.h>
#include <avr_uart.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sim_avr.h>
#include <sim_elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define FREQ 16000000UL
#define LEAD_NS 500000LL     /* at most 0.5 ms of simulated time ahead of the wall clock */
#define PORTS "ABCDEFGHJKL"  /* the ATmega2560's I/O ports */
#define NPORTS 11
#define ADMUX 0x7C           /* data-space addresses, ATmega2560 datasheet §26.8 */
#define ADCSRB 0x7B
#define MUX5 3

static avr_t *avr;
static avr_adc_t *adc;
static const char *link_path;
static int master = -1, slave = -1;
static int plugged = 0, frozen = 0, xon = 1;
static long long offset_ns;  /* wall - sim, re-based whenever the CPU was stopped */
static long long lag_max;
static uint8_t port_val[NPORTS], ddr_val[NPORTS], out_seen[NPORTS][8];
static uint8_t in_level[NPORTS][8]; /* what the outside world drives into each pin */
static uint16_t adc_raw[16];
static struct { uint16_t raw; int left; } spike[16];
static struct { int on; int cp, cb, level; } relay[NPORTS][8];
static uint8_t to_board[4096];
static size_t tb_head, tb_tail;
static uint8_t sniff_in[8], sniff_out[8];
static int sniff_in_n, sniff_out_n;

static long long wall_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static long long sim_ns(void) { return (long long)(avr->cycle * (1000000000.0 / FREQ)); }

static int port_index(char p) {
  const char *at = strchr(PORTS, p);
  return at && p ? (int)(at - PORTS) : -1;
}

/* What the outside world drives into a pin. Given to simavr as the port's "external" levels
 * too: on every PORT or DDR write it re-raises each input pin's level, from these when set,
 * else 1 where the internal pull-up is on — which would let a pull-up beat a contact to ground. */
static void set_input(int port, int bit, int level) {
  in_level[port][bit] = level;
  avr_ioport_external_t ext = {.name = PORTS[port], .mask = 0xFF, .value = 0};
  for (int b = 0; b < 8; b++) ext.value |= (in_level[port][b] & 1) << b;
  avr_ioctl(avr, AVR_IOCTL_IOPORT_SET_EXTERNAL(PORTS[port]), &ext);
  avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ(PORTS[port]), bit), level);
}

/* An output pin changed: report it, and move the contact of a relay wired to it. */
static void pin_changed(int port, int bit) {
  int driven = (ddr_val[port] >> bit) & 1, level = (port_val[port] >> bit) & 1;
  int now = driven ? level : 2;
  if (out_seen[port][bit] == now) return;
  out_seen[port][bit] = now;
  printf("pin %c %d %c %lld %lld\n", PORTS[port], bit, now == 2 ? 'z' : '0' + now, sim_ns(), wall_ns());
  if (relay[port][bit].on)
    set_input(relay[port][bit].cp, relay[port][bit].cb, driven && level == relay[port][bit].level ? 0 : 1);
}

static void port_written(struct avr_irq_t *irq, uint32_t value, void *param) {
  (void)irq;
  int port = (int)(intptr_t)param & 0xFF;
  uint8_t was_p = port_val[port], was_d = ddr_val[port];
  if ((intptr_t)param & 0x100) port_val[port] = value;
  else ddr_val[port] = value;
  for (int b = 0; b < 8; b++)
    if (((was_p ^ port_val[port]) | (was_d ^ ddr_val[port])) & (1 << b)) pin_changed(port, b);
}

static uint32_t millivolts(uint16_t raw) { return (raw * 5000u + 1022u) / 1023u; } /* ⌈raw·5000/1023⌉ */

static void adc_started(struct avr_irq_t *irq, uint32_t value, void *param) {
  (void)irq, (void)value, (void)param;
  int ch = (avr->data[ADMUX] & 7) | (((avr->data[ADCSRB] >> MUX5) & 1) << 3);
  uint16_t raw = adc_raw[ch];
  if (spike[ch].left > 0) {
    raw = spike[ch].raw;
    if (--spike[ch].left == 0) printf("spiked %d\n", ch);
  }
  adc->adc_values[ch & 7] = millivolts(raw);
}

/* Watches the bytes of one direction for a sysex with the given id (heartbeat in, trip out). */
static int sniff(uint8_t *buf, int *n, uint8_t b, uint8_t id) {
  if (b == 0xF0) *n = 0;
  if (*n < 8) buf[(*n)++] = b;
  return b == 0xF7 && *n >= 3 && buf[0] == 0xF0 && buf[1] == id;
}

static void uart_out(struct avr_irq_t *irq, uint32_t value, void *param) {
  (void)irq, (void)param;
  uint8_t b = value;
  if (sniff(sniff_out, &sniff_out_n, b, 0x0C))
    printf("trip %d %lld %lld\n", sniff_out[2] | (sniff_out[3] << 7), sim_ns(), wall_ns());
  if (plugged && write(master, &b, 1) < 0 && errno != EAGAIN) perror("loa-avr-sim: pty write");
}

static void uart_xon(struct avr_irq_t *irq, uint32_t v, void *p) { (void)irq, (void)v, (void)p, xon = 1; }
static void uart_xoff(struct avr_irq_t *irq, uint32_t v, void *p) { (void)irq, (void)v, (void)p, xon = 0; }

/* One byte per character time, as a UART sends them: then the time a byte enters the simulated
 * UART is the time the firmware can read it. simavr 1.6 times a byte as 11 bits at the rate
 * UBRR gives (57142 Bd for Arduino's 57600 with U2X): 192 µs; feeding faster would fill its
 * 64-byte FIFO in a long burst. */
#define BYTE_NS 192500LL
static long long next_byte_ns;

static void feed_uart(void) {
  while (xon && tb_head != tb_tail && sim_ns() >= next_byte_ns) {
    next_byte_ns = sim_ns() + BYTE_NS;
    uint8_t b = to_board[tb_tail];
    tb_tail = (tb_tail + 1) % sizeof to_board;
    avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT), b);
    if (sniff(sniff_in, &sniff_in_n, b, 0x0A)) printf("beat %lld %lld\n", sim_ns(), wall_ns());
  }
}

static void queue_to_board(const uint8_t *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t next = (tb_head + 1) % sizeof to_board;
    if (next == tb_tail) return; /* the UART is this far behind: drop, like an overrun */
    to_board[tb_head] = b[i];
    tb_head = next;
  }
}

static void open_pty(void) {
  struct termios raw;
  cfmakeraw(&raw);
  if (openpty(&master, &slave, NULL, &raw, NULL) < 0) {
    perror("loa-avr-sim: openpty");
    exit(1);
  }
  fcntl(master, F_SETFL, O_NONBLOCK);
  unlink(link_path);
  if (symlink(ttyname(slave), link_path) < 0) {
    perror("loa-avr-sim: symlink");
    exit(1);
  }
}

/* The USB cable: the board loses power (all pins undriven) and the pty goes away (a hang-up). */
static void unplug(void) {
  if (!plugged) return;
  plugged = 0;
  unlink(link_path);
  close(slave);
  close(master);
  memset(port_val, 0, sizeof port_val);
  memset(ddr_val, 0, sizeof ddr_val);
  for (int p = 0; p < NPORTS; p++)
    for (int b = 0; b < 8; b++) pin_changed(p, b);
  tb_head = tb_tail = 0;
}

static void plug(void) {
  if (plugged) return;
  avr_reset(avr); /* power-on reset: the sketch starts from setup() */
  for (int p = 0; p < NPORTS; p++)
    for (int b = 0; b < 8; b++) set_input(p, b, in_level[p][b]);
  for (int p = 0; p < NPORTS; p++)
    for (int b = 0; b < 8; b++)
      if (relay[p][b].on) set_input(relay[p][b].cp, relay[p][b].cb, 1); /* coils unpowered */
  open_pty();
  plugged = 1;
  offset_ns = wall_ns() - sim_ns();
}

static void hex_bytes(const char *s, uint8_t *out, size_t *n) {
  unsigned v;
  int used;
  *n = 0;
  while (*n < 256 && sscanf(s, "%x%n", &v, &used) == 1) {
    out[(*n)++] = v;
    s += used;
  }
}

static void command(char *line) {
  char p, q;
  int a, b, c, d;
  uint8_t bytes[256];
  size_t n;
  if (sscanf(line, "in %c %d %d", &p, &a, &b) == 3 && port_index(p) >= 0) set_input(port_index(p), a & 7, b);
  else if (sscanf(line, "adc %d %d", &a, &b) == 2) adc_raw[a & 15] = b > 1023 ? 1023 : b < 0 ? 0 : b;
  else if (sscanf(line, "spike %d %d %d", &a, &b, &c) == 3) spike[a & 15].raw = b, spike[a & 15].left = c;
  else if (sscanf(line, "link %c %d %c %d %d", &p, &a, &q, &b, &c) == 5 && port_index(p) >= 0 &&
           port_index(q) >= 0) {
    relay[port_index(p)][a & 7].on = 1;
    relay[port_index(p)][a & 7].cp = port_index(q);
    relay[port_index(p)][a & 7].cb = b & 7;
    relay[port_index(p)][a & 7].level = c;
    d = out_seen[port_index(p)][a & 7];
    set_input(port_index(q), b & 7, d == c ? 0 : 1);
  } else if (!strncmp(line, "tohost ", 7)) {
    hex_bytes(line + 7, bytes, &n);
    if (plugged && write(master, bytes, n) < 0) perror("loa-avr-sim: pty write");
  } else if (!strncmp(line, "toboard ", 8)) {
    hex_bytes(line + 8, bytes, &n);
    queue_to_board(bytes, n);
  } else if (sscanf(line, "freeze %d", &a) == 1) {
    frozen = a;
    offset_ns = wall_ns() - sim_ns();
  } else if (!strcmp(line, "unplug")) unplug();
  else if (!strcmp(line, "plug")) plug();
  else if (!strcmp(line, "quit")) exit(0);
  else fprintf(stderr, "loa-avr-sim: unknown command: %s\n", line);
}

static void read_stdin(void) {
  static char buf[4096];
  static size_t len;
  ssize_t r = read(0, buf + len, sizeof buf - len - 1);
  if (r <= 0) exit(0); /* the test went away */
  len += r;
  char *nl;
  while ((nl = memchr(buf, '\n', len))) {
    *nl = 0;
    command(buf);
    len -= nl + 1 - buf;
    memmove(buf, nl + 1, len);
  }
  if (len == sizeof buf - 1) len = 0;
}

static void read_pty(void) {
  uint8_t buf[256];
  ssize_t r = read(master, buf, sizeof buf);
  if (r <= 0) return;
  if (getenv("LOA_AVR_TRACE")) {
    fprintf(stderr, "host→board %lld:", sim_ns() / 1000000);
    for (ssize_t i = 0; i < r; i++) fprintf(stderr, " %02x", buf[i]);
    fputc('\n', stderr);
  }
  queue_to_board(buf, r);
}

static void init_avr(const char *elf) {
  elf_firmware_t fw;
  memset(&fw, 0, sizeof fw);
  if (elf_read_firmware(elf, &fw) != 0) {
    fprintf(stderr, "loa-avr-sim: cannot read %s\n", elf);
    exit(1);
  }
  strcpy(fw.mmcu, "atmega2560");
  fw.frequency = FREQ;
  avr = avr_make_mcu_by_name(fw.mmcu);
  avr_init(avr);
  avr_load_firmware(avr, &fw);
  avr->vcc = avr->avcc = avr->aref = 5000;
}

/* simavr's own sleep callback usleeps the sleep away; we pace against the wall clock instead. */
static void noop_sleep(avr_t *a, avr_cycle_count_t n) { (void)a, (void)n; }

static void wire(void) {
  avr->sleep = noop_sleep;
  uint32_t f = 0;
  avr_ioctl(avr, AVR_IOCTL_UART_GET_FLAGS('0'), &f);
  f &= ~(AVR_UART_FLAG_STDIO | AVR_UART_FLAG_POLL_SLEEP);
  avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &f);
  avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), uart_out, NULL);
  avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUT_XON), uart_xon, NULL);
  avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUT_XOFF), uart_xoff, NULL);
  for (int p = 0; p < NPORTS; p++) {
    uint32_t ctl = AVR_IOCTL_IOPORT_GETIRQ(PORTS[p]);
    avr_irq_register_notify(avr_io_getirq(avr, ctl, IOPORT_IRQ_REG_PORT), port_written, (void *)(intptr_t)(p | 0x100));
    avr_irq_register_notify(avr_io_getirq(avr, ctl, IOPORT_IRQ_DIRECTION_ALL), port_written, (void *)(intptr_t)p);
    for (int b = 0; b < 8; b++) out_seen[p][b] = 2;
  }
  for (avr_io_t *io = avr->io_port; io; io = io->next)
    if (!strcmp(io->kind, "adc")) adc = (avr_adc_t *)io;
  if (!adc) {
    fprintf(stderr, "loa-avr-sim: no ADC in this core\n");
    exit(1);
  }
  for (int i = 0; i < 64; i++)
    if (adc->muxmode[i].kind == ADC_MUX_SINGLE && adc->muxmode[i].src >= 8 && adc->muxmode[i].src < 16)
      adc->muxmode[i].src -= 8; /* see the header: 8 value slots in simavr 1.6 */
  avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_OUT_TRIGGER), adc_started, NULL);
}

/* Runs the CPU up to LEAD_NS ahead of the wall clock; returns ns to wait (0 = behind). */
static long long run_slice(void) {
  if (!plugged || frozen) return 10000000LL;
  for (int i = 0; i < 20000; i++) {
    long long ahead = sim_ns() + offset_ns - wall_ns();
    if (ahead > LEAD_NS) return ahead;
    if (-ahead > lag_max) lag_max = -ahead;
    int state = avr_run(avr);
    if (state == cpu_Done || state == cpu_Crashed) {
      fprintf(stderr, "loa-avr-sim: firmware %s at pc 0x%x\n", state == cpu_Done ? "stopped" : "crashed", avr->pc);
      exit(2);
    }
    if (!(i & 63)) feed_uart();
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: loa-avr-sim FIRMWARE.elf PTY-LINK\n");
    return 64;
  }
  link_path = argv[2];
  setvbuf(stdout, NULL, _IOLBF, 0);
  memset(in_level, 1, sizeof in_level); /* inputs idle high: pull-ups, contacts open */
  init_avr(argv[1]);
  wire();
  plug();
  printf("ready %lld\n", wall_ns());
  long long next_stats = 1000000000LL;
  for (;;) {
    long long wait = run_slice();
    feed_uart();
    if (sim_ns() >= next_stats) {
      printf("stats %lld %lld %lld\n", sim_ns(), wall_ns(), lag_max);
      next_stats += 1000000000LL;
    }
    struct pollfd fds[2] = {{.fd = 0, .events = POLLIN}, {.fd = plugged ? master : -1, .events = POLLIN}};
    struct timespec t = {.tv_sec = wait / 1000000000LL, .tv_nsec = wait % 1000000000LL};
    if (ppoll(fds, 2, &t, NULL) < 0 && errno != EINTR) return 1;
    if (fds[0].revents) read_stdin();
    if (plugged && (fds[1].revents & POLLIN)) read_pty();
  }
}
