/*
 * LoaFirmata — the Firmata 2.5 subset Loa speaks, plus Loa's fail-safe relays. Self-contained
 * (no Firmata library: Debian ships none), built with Debian's gcc-avr + arduino-core-avr by
 * hw/firmware/Makefile, or with the Arduino IDE / arduino-cli for an Arduino Mega 2560 or Nano.
 * The test suite runs this very image on a simulated ATmega2560 (simavr, test/helpers/avr/).
 *
 * Firmata 2.5 (https://github.com/firmata/protocol, protocol.md) implemented here:
 *   F9                 REPORT_VERSION → F9 02 05 (also sent at start)
 *   F0 79 F7           REPORT_FIRMWARE → F0 79 02 05 "LoaFirmata" (7-bit pairs) F7
 *   F0 6B F7           CAPABILITY_QUERY → per pin: INPUT 1, PULLUP 1, OUTPUT 1, [ANALOG 10], 7F
 *   F0 69 F7           ANALOG_MAPPING_QUERY → per pin: analogue channel or 7F
 *   F0 6D pin F7       PIN_STATE_QUERY → F0 6E pin mode state F7
 *   F0 7A lsb msb F7   SAMPLING_INTERVAL (ms, at least 1)
 *   F4 pin mode        SET_PIN_MODE: INPUT 0, OUTPUT 1, ANALOG 2, PULLUP 0B
 *   F5 pin value       SET_DIGITAL_PIN_VALUE (outputs only)
 *   9p lsb msb         DIGITAL_MESSAGE: write port p (pins in OUTPUT mode only)
 *   Cc 0|1             REPORT_ANALOG channel c → Ec lsb msb every sampling interval
 *   Dp 0|1             REPORT_DIGITAL port p → 9p lsb msb at once and on every change
 *   FF                 SYSTEM_RESET (fail-safe pins keep their safe level)
 * Loa's additions (Firmata user sysex 0x01–0x0F; src/hal/firmata/protocol.ts):
 *   host → board  F0 0A t0 t1 F7      HEARTBEAT: (re)arm the watchdog for t ms (t = t0 | t1<<7)
 *   host → board  F0 0B pin level F7  FAILSAFE_PIN: write `level`, then make the pin an output
 *                                     (no glitch), and remember `level` as its safe level
 *   board → host  F0 0C n0 n1 F7      FAILSAFE_TRIPPED: no heartbeat for t ms; every fail-safe
 *                                     pin is at its safe level (n = trips since power-on)
 * The watchdog is armed by the first heartbeat; after a trip it re-arms with the next one, and
 * the pins stay safe until the host writes them again.
 *
 * Bad input never hangs the parser: a data byte without a command is dropped, a command byte
 * inside an unfinished message starts over, an over-long sysex is discarded at its F7.
 * Between loop passes the MCU sleeps in IDLE mode: timer 0 (every 1.024 ms) and the UART wake
 * it, so the watchdog is checked at least every ~1 ms.
 */
#include <Arduino.h>
#include <avr/sleep.h>

#define FIRMATA_MAJOR 2
#define FIRMATA_MINOR 5
#define DIGITAL_MESSAGE 0x90
#define ANALOG_MESSAGE 0xE0
#define REPORT_ANALOG 0xC0
#define REPORT_DIGITAL 0xD0
#define SET_PIN_MODE 0xF4
#define SET_DIGITAL_PIN_VALUE 0xF5
#define REPORT_VERSION 0xF9
#define SYSTEM_RESET 0xFF
#define START_SYSEX 0xF0
#define END_SYSEX 0xF7
#define ANALOG_MAPPING_QUERY 0x69
#define ANALOG_MAPPING_RESPONSE 0x6A
#define CAPABILITY_QUERY 0x6B
#define CAPABILITY_RESPONSE 0x6C
#define PIN_STATE_QUERY 0x6D
#define PIN_STATE_RESPONSE 0x6E
#define REPORT_FIRMWARE 0x79
#define SAMPLING_INTERVAL 0x7A
#define SYSEX_HEARTBEAT 0x0A
#define SYSEX_FAILSAFE_PIN 0x0B
#define SYSEX_FAILSAFE_TRIPPED 0x0C

#define MODE_INPUT 0x00
#define MODE_OUTPUT 0x01
#define MODE_ANALOG 0x02
#define MODE_PULLUP 0x0B
#define MODE_IGNORE 0x7F

// Pins 0 and 1 are the UART to the host. A Nano's A6/A7 are analogue-only, past the digital pins.
#define FIRST_ANALOG_PIN A0
#define TOTAL_PINS (FIRST_ANALOG_PIN + NUM_ANALOG_INPUTS > NUM_DIGITAL_PINS ? FIRST_ANALOG_PIN + NUM_ANALOG_INPUTS : NUM_DIGITAL_PINS)
#define TOTAL_PORTS ((TOTAL_PINS + 7) / 8)
#define IS_PIN_DIGITAL(p) ((p) >= 2 && (p) < NUM_DIGITAL_PINS)
#define IS_PIN_ANALOG(p) ((p) >= FIRST_ANALOG_PIN && (p) < FIRST_ANALOG_PIN + NUM_ANALOG_INPUTS)
#define PIN_TO_ANALOG(p) ((p) - FIRST_ANALOG_PIN)
#define MAX_SYSEX 32  // our longest host sysex is 5 bytes; Firmata strings we never receive

static const char FIRMWARE_NAME[] = "LoaFirmata";

byte pinModes[TOTAL_PINS];
byte pinStates[TOTAL_PINS];
byte reportPorts[TOTAL_PORTS];      // 1 = report this port
byte previousPorts[TOTAL_PORTS];    // last reported value of each port
uint16_t analogToReport = 0;        // bit c = report analogue channel c
unsigned int samplingInterval = 19; // StandardFirmata's default, ms
unsigned long lastSample = 0;

byte failsafeLevel[TOTAL_PINS];
bool isFailsafe[TOTAL_PINS];
unsigned long lastHeartbeat = 0;
unsigned int heartbeatTimeout = 0;  // 0 = watchdog disarmed
unsigned int trips = 0;

// parser: a channel/system command with up to 2 data bytes, or a sysex
byte command = 0;
byte data[2];
byte dataCount = 0;
bool inSysex = false;
byte sysex[MAX_SYSEX];
byte sysexCount = 0;
bool sysexOverflow = false;

void send7(unsigned int v) {
  Serial.write((byte)(v & 0x7F));
  Serial.write((byte)((v >> 7) & 0x7F));
}

void sendVersion() {
  Serial.write(REPORT_VERSION);
  Serial.write(FIRMATA_MAJOR);
  Serial.write(FIRMATA_MINOR);
}

void sendFirmware() {
  Serial.write(START_SYSEX);
  Serial.write(REPORT_FIRMWARE);
  Serial.write(FIRMATA_MAJOR);
  Serial.write(FIRMATA_MINOR);
  for (const char *c = FIRMWARE_NAME; *c; c++) send7((byte)*c);
  Serial.write(END_SYSEX);
}

byte readPort(byte port) {
  byte bits = 0;
  for (byte i = 0; i < 8; i++) {
    byte pin = port * 8 + i;
    if (pin >= TOTAL_PINS || !IS_PIN_DIGITAL(pin)) continue;
    if (pinModes[pin] != MODE_INPUT && pinModes[pin] != MODE_PULLUP) continue;
    if (digitalRead(pin)) bits |= 1 << i;
  }
  return bits;
}

void reportPort(byte port, bool force) {
  byte bits = readPort(port);
  if (!force && bits == previousPorts[port]) return;
  previousPorts[port] = bits;
  Serial.write(DIGITAL_MESSAGE | port);
  send7(bits);
}

void checkDigitalInputs() {
  for (byte port = 0; port < TOTAL_PORTS; port++)
    if (reportPorts[port]) reportPort(port, false);
}

EMPTY_INTERRUPT(ADC_vect);  // the conversion-complete interrupt only wakes the CPU

/*
 * analogRead without its busy wait: the CPU idles until the conversion completes (13 ADC clocks
 * at the core's 125 kHz, ≈ 104 µs; timer 0 keeps running in IDLE, so millis() stays right). 16
 * channels every 19 ms would otherwise spin ≈ 9 % of the time — and cost the simulator as much.
 */
int readAnalog(byte ch) {
#if defined(MUX5)
  ADCSRB = (ADCSRB & ~(1 << MUX5)) | (((ch >> 3) & 1) << MUX5);
#endif
  ADMUX = (DEFAULT << 6) | (ch & 7);  // AVCC reference, as analogRead
  ADCSRA |= (1 << ADIE) | (1 << ADSC);
  set_sleep_mode(SLEEP_MODE_IDLE);
  while (ADCSRA & (1 << ADSC)) {
    cli();
    if (ADCSRA & (1 << ADSC)) {
      sleep_enable();
      sei();
      sleep_cpu();
      sleep_disable();
    }
    sei();
  }
  ADCSRA &= ~(1 << ADIE);
  byte low = ADCL;  // ADCL first: reading it locks ADCH until ADCH is read
  byte high = ADCH;
  return (high << 8) | low;
}

void sendAnalog(byte ch) {
  Serial.write(ANALOG_MESSAGE | (ch & 0x0F));
  send7(readAnalog(ch));
}

void sampleAnalog() {
  if (millis() - lastSample < samplingInterval) return;
  lastSample += samplingInterval;
  if (millis() - lastSample >= samplingInterval) lastSample = millis();  // no burst after a stall
  for (byte ch = 0; ch < NUM_ANALOG_INPUTS; ch++)
    if ((analogToReport & (1u << ch)) && pinModes[FIRST_ANALOG_PIN + ch] == MODE_ANALOG) sendAnalog(ch);
}

void setMode(byte pin, byte mode) {
  if (pin >= TOTAL_PINS) return;
  if (mode == MODE_ANALOG && IS_PIN_ANALOG(pin)) {
    if (IS_PIN_DIGITAL(pin)) pinMode(pin, INPUT);
    pinModes[pin] = MODE_ANALOG;
    pinStates[pin] = 0;
    return;
  }
  if (!IS_PIN_DIGITAL(pin)) return;
  if (IS_PIN_ANALOG(pin)) analogToReport &= ~(1u << PIN_TO_ANALOG(pin));
  if (mode == MODE_INPUT || mode == MODE_PULLUP) {
    pinMode(pin, mode == MODE_PULLUP ? INPUT_PULLUP : INPUT);
    pinStates[pin] = mode == MODE_PULLUP;
  } else if (mode == MODE_OUTPUT) {
    // the pin drives its last written level: PORT bit untouched, only DDR changes
    pinMode(pin, OUTPUT);
  } else {
    return;  // modes we do not support (PWM, servo, I2C…) are refused, the pin unchanged
  }
  pinModes[pin] = mode;
}

void writePin(byte pin, byte level) {
  if (pin >= TOTAL_PINS || pinModes[pin] != MODE_OUTPUT) return;
  pinStates[pin] = level ? 1 : 0;
  digitalWrite(pin, pinStates[pin]);
}

void writePort(byte port, unsigned int bits) {
  for (byte i = 0; i < 8; i++) writePin(port * 8 + i, (bits >> i) & 1);
}

void reportAnalog(byte ch, byte on) {
  if (ch >= NUM_ANALOG_INPUTS) return;
  if (!on) {
    analogToReport &= ~(1u << ch);
    return;
  }
  analogToReport |= 1u << ch;
  if (pinModes[FIRST_ANALOG_PIN + ch] == MODE_ANALOG) sendAnalog(ch);
}

void reportDigital(byte port, byte on) {
  if (port >= TOTAL_PORTS) return;
  reportPorts[port] = on ? 1 : 0;
  if (on) reportPort(port, true);
}

/* Level first, then output: the pin never passes through the wrong level. */
void failsafePin(byte pin, byte level) {
  if (pin >= TOTAL_PINS || !IS_PIN_DIGITAL(pin)) return;
  isFailsafe[pin] = true;
  failsafeLevel[pin] = level ? HIGH : LOW;
  digitalWrite(pin, failsafeLevel[pin]);
  pinMode(pin, OUTPUT);
  pinModes[pin] = MODE_OUTPUT;
  pinStates[pin] = failsafeLevel[pin];
}

void checkHeartbeat() {
  if (heartbeatTimeout == 0 || millis() - lastHeartbeat < heartbeatTimeout) return;
  heartbeatTimeout = 0;  // disarmed until the next heartbeat
  trips++;
  for (byte pin = 0; pin < TOTAL_PINS; pin++)
    if (isFailsafe[pin]) {
      digitalWrite(pin, failsafeLevel[pin]);
      pinStates[pin] = failsafeLevel[pin];
    }
  Serial.write(START_SYSEX);
  Serial.write(SYSEX_FAILSAFE_TRIPPED);
  send7(trips);
  Serial.write(END_SYSEX);
}

void sendCapabilities() {
  Serial.write(START_SYSEX);
  Serial.write(CAPABILITY_RESPONSE);
  for (byte pin = 0; pin < TOTAL_PINS; pin++) {
    if (IS_PIN_DIGITAL(pin)) {
      const byte modes[] = {MODE_INPUT, 1, MODE_PULLUP, 1, MODE_OUTPUT, 1};
      Serial.write(modes, sizeof modes);
    }
    if (IS_PIN_ANALOG(pin)) {
      Serial.write(MODE_ANALOG);
      Serial.write(10);
    }
    Serial.write(0x7F);
  }
  Serial.write(END_SYSEX);
}

void sendAnalogMapping() {
  Serial.write(START_SYSEX);
  Serial.write(ANALOG_MAPPING_RESPONSE);
  for (byte pin = 0; pin < TOTAL_PINS; pin++) Serial.write(IS_PIN_ANALOG(pin) ? PIN_TO_ANALOG(pin) : 0x7F);
  Serial.write(END_SYSEX);
}

void sendPinState(byte pin) {
  if (pin >= TOTAL_PINS) return;
  Serial.write(START_SYSEX);
  Serial.write(PIN_STATE_RESPONSE);
  Serial.write(pin);
  Serial.write(pinModes[pin]);
  Serial.write(pinStates[pin] & 0x7F);
  Serial.write(END_SYSEX);
}

void onSysex() {
  if (sysexCount == 0) return;
  byte id = sysex[0];
  byte argc = sysexCount - 1;
  byte *argv = sysex + 1;
  if (id == SYSEX_HEARTBEAT && argc >= 2) {
    heartbeatTimeout = argv[0] | (argv[1] << 7);
    lastHeartbeat = millis();
  } else if (id == SYSEX_FAILSAFE_PIN && argc >= 2) {
    failsafePin(argv[0], argv[1]);
  } else if (id == SAMPLING_INTERVAL && argc >= 2) {
    samplingInterval = argv[0] | (argv[1] << 7);
    if (samplingInterval < 1) samplingInterval = 1;
  } else if (id == REPORT_FIRMWARE) {
    sendFirmware();
  } else if (id == CAPABILITY_QUERY) {
    sendCapabilities();
  } else if (id == ANALOG_MAPPING_QUERY) {
    sendAnalogMapping();
  } else if (id == PIN_STATE_QUERY && argc >= 1) {
    sendPinState(argv[0]);
  }
}

/* SYSTEM_RESET keeps fail-safe pins at their safe level (never floats a relay input). */
void systemReset() {
  for (byte port = 0; port < TOTAL_PORTS; port++) {
    reportPorts[port] = 0;
    previousPorts[port] = 0;
  }
  analogToReport = 0;
  heartbeatTimeout = 0;
  for (byte pin = 0; pin < TOTAL_PINS; pin++) {
    if (isFailsafe[pin]) {
      digitalWrite(pin, failsafeLevel[pin]);
      pinStates[pin] = failsafeLevel[pin];
      continue;
    }
    pinModes[pin] = MODE_IGNORE;
    if (IS_PIN_ANALOG(pin)) setMode(pin, MODE_ANALOG);
    else if (IS_PIN_DIGITAL(pin)) setMode(pin, MODE_INPUT);
  }
}

/* A complete channel or system message (command and its data bytes). */
void onMessage() {
  byte hi = command & 0xF0;
  byte lo = command & 0x0F;
  if (hi == DIGITAL_MESSAGE) writePort(lo, data[0] | (data[1] << 7));
  else if (hi == REPORT_ANALOG) reportAnalog(lo, data[0]);
  else if (hi == REPORT_DIGITAL) reportDigital(lo, data[0]);
  else if (command == SET_PIN_MODE) setMode(data[0], data[1]);
  else if (command == SET_DIGITAL_PIN_VALUE) writePin(data[0], data[1]);
}

/* Data bytes each command carries; 0 = none (or not ours: its data bytes are dropped). */
byte dataBytesOf(byte cmd) {
  byte hi = cmd & 0xF0;
  if (hi == DIGITAL_MESSAGE || cmd == SET_PIN_MODE || cmd == SET_DIGITAL_PIN_VALUE) return 2;
  if (hi == REPORT_ANALOG || hi == REPORT_DIGITAL) return 1;
  return 0;
}

void onCommandByte(byte b) {
  inSysex = false;
  command = 0;
  dataCount = 0;
  if (b == START_SYSEX) {
    inSysex = true;
    sysexCount = 0;
    sysexOverflow = false;
  } else if (b == REPORT_VERSION) {
    sendVersion();
  } else if (b == SYSTEM_RESET) {
    systemReset();
  } else if (dataBytesOf(b)) {
    command = b;
  }
}

void parse(byte b) {
  if (inSysex && b == END_SYSEX) {
    inSysex = false;
    if (!sysexOverflow) onSysex();
  } else if (b >= 0x80) {
    onCommandByte(b);
  } else if (inSysex) {
    if (sysexCount < MAX_SYSEX) sysex[sysexCount++] = b;
    else sysexOverflow = true;
  } else if (command) {
    data[dataCount++] = b;
    if (dataCount == dataBytesOf(command)) {
      onMessage();
      dataCount = 0;  // running status: further data pairs repeat the command
    }
  }
}

/* Sleep until the next interrupt (timer 0's millis tick, a byte from the host). */
void idle() {
  set_sleep_mode(SLEEP_MODE_IDLE);
  cli();
  if (!Serial.available()) {
    sleep_enable();
    sei();  // the instruction after SEI runs before any interrupt: no lost wake-up
    sleep_cpu();
    sleep_disable();
  }
  sei();
}

void setup() {
  Serial.begin(57600);
  systemReset();
  sendVersion();
  sendFirmware();
}

void loop() {
  checkDigitalInputs();
  for (byte n = 0; n < 64 && Serial.available(); n++) parse((byte)Serial.read());
  checkHeartbeat();
  sampleAnalog();
  idle();
}
