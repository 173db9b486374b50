/*
 * LoaFirmata — StandardFirmata 2.5 (digital I/O, pull-ups, analogue reporting, capability and
 * analogue-mapping queries) plus Loa's fail-safe relays. Flash it with the Arduino IDE or
 * arduino-cli (library "Firmata" 2.5.x). Protocol additions (Firmata user sysex 0x01–0x0F):
 *
 *   host → board  F0 0A t0 t1 F7      HEARTBEAT: (re)arm the watchdog for t ms (t = t0 | t1<<7)
 *   host → board  F0 0B pin level F7  FAILSAFE_PIN: write `level`, then make the pin an output
 *                                     (no glitch), and remember `level` as its safe level
 *   board → host  F0 0C n0 n1 F7      FAILSAFE_TRIPPED: no heartbeat for t ms; every fail-safe
 *                                     pin is at its safe level (n = trips since power-on)
 *
 * The watchdog is armed by the first heartbeat; after a trip it re-arms with the next one, and
 * the pins stay safe until the host writes them again. Keep in step with
 * src/hal/firmata/protocol.ts and the emulator in test/helpers/firmata-emulator.ts.
 * Servo, I2C, serial and stepper support of StandardFirmata are left out: Loa does not use them.
 */
#include <Firmata.h>

#define SYSEX_HEARTBEAT 0x0A
#define SYSEX_FAILSAFE_PIN 0x0B
#define SYSEX_FAILSAFE_TRIPPED 0x0C
#define MIN_SAMPLING_INTERVAL 1

byte reportPINs[TOTAL_PORTS];        // 1 = report this port
byte previousPINs[TOTAL_PORTS];      // last reported port values
byte portConfigInputs[TOTAL_PORTS];  // pins configured as inputs, per port
unsigned int analogInputsToReport = 0;       // bitmask of analogue channels to report
unsigned long previousMillis = 0;
unsigned int samplingInterval = 19;  // StandardFirmata's default

byte failsafeLevel[TOTAL_PINS];      // safe level of each fail-safe pin
bool isFailsafe[TOTAL_PINS];
unsigned long lastHeartbeat = 0;
unsigned int heartbeatTimeout = 0;   // 0 = watchdog disarmed
unsigned int trips = 0;

void outputPort(byte portNumber, byte portValue, byte forceSend) {
  portValue = portValue & portConfigInputs[portNumber];
  if (forceSend || previousPINs[portNumber] != portValue) {
    Firmata.sendDigitalPort(portNumber, portValue);
    previousPINs[portNumber] = portValue;
  }
}

void checkDigitalInputs(void) {
  for (byte port = 0; port < TOTAL_PORTS; port++)
    if (reportPINs[port]) outputPort(port, readPort(port, portConfigInputs[port]), false);
}

void setPinModeCallback(byte pin, int mode) {
  if (Firmata.getPinMode(pin) == PIN_MODE_IGNORE) return;
  if (IS_PIN_ANALOG(pin)) reportAnalogCallback(PIN_TO_ANALOG(pin), mode == PIN_MODE_ANALOG ? 1 : 0);
  if (IS_PIN_DIGITAL(pin)) {
    if (mode == INPUT || mode == PIN_MODE_PULLUP) portConfigInputs[pin / 8] |= (1 << (pin & 7));
    else portConfigInputs[pin / 8] &= ~(1 << (pin & 7));
  }
  Firmata.setPinState(pin, 0);
  switch (mode) {
    case PIN_MODE_ANALOG:
      if (IS_PIN_ANALOG(pin)) {
        if (IS_PIN_DIGITAL(pin)) pinMode(PIN_TO_DIGITAL(pin), INPUT);
        Firmata.setPinMode(pin, PIN_MODE_ANALOG);
      }
      break;
    case INPUT:
      if (IS_PIN_DIGITAL(pin)) {
        pinMode(PIN_TO_DIGITAL(pin), INPUT);
        Firmata.setPinMode(pin, INPUT);
      }
      break;
    case PIN_MODE_PULLUP:
      if (IS_PIN_DIGITAL(pin)) {
        pinMode(PIN_TO_DIGITAL(pin), INPUT_PULLUP);
        Firmata.setPinMode(pin, PIN_MODE_PULLUP);
        Firmata.setPinState(pin, 1);
      }
      break;
    case OUTPUT:
      if (IS_PIN_DIGITAL(pin)) {
        pinMode(PIN_TO_DIGITAL(pin), OUTPUT);
        Firmata.setPinMode(pin, OUTPUT);
      }
      break;
    default:
      Firmata.sendString("Unknown pin mode");
  }
}

void setPinValueCallback(byte pin, int value) {
  if (pin < TOTAL_PINS && IS_PIN_DIGITAL(pin) && Firmata.getPinMode(pin) == OUTPUT) {
    Firmata.setPinState(pin, value);
    digitalWrite(PIN_TO_DIGITAL(pin), value);
  }
}

void digitalWriteCallback(byte port, int value) {
  if (port >= TOTAL_PORTS) return;
  for (byte i = 0; i < 8; i++) {
    byte pin = port * 8 + i;
    if (pin >= TOTAL_PINS || !IS_PIN_DIGITAL(pin)) continue;
    byte v = (value >> i) & 1;
    if (Firmata.getPinMode(pin) == OUTPUT) {
      Firmata.setPinState(pin, v);
      digitalWrite(PIN_TO_DIGITAL(pin), v);
    }
  }
}

void reportAnalogCallback(byte analogPin, int value) {
  if (analogPin >= TOTAL_ANALOG_PINS) return;
  if (value == 0) analogInputsToReport &= ~(1 << analogPin);
  else {
    analogInputsToReport |= (1 << analogPin);
    Firmata.sendAnalog(analogPin, analogRead(analogPin));
  }
}

void reportDigitalCallback(byte port, int value) {
  if (port >= TOTAL_PORTS) return;
  reportPINs[port] = (byte)value;
  if (value) outputPort(port, readPort(port, portConfigInputs[port]), true);
}

/* Level first, then output: the pin never passes through the wrong level. */
void failsafePin(byte pin, byte level) {
  if (pin >= TOTAL_PINS || !IS_PIN_DIGITAL(pin)) return;
  isFailsafe[pin] = true;
  failsafeLevel[pin] = level ? HIGH : LOW;
  digitalWrite(PIN_TO_DIGITAL(pin), failsafeLevel[pin]);
  pinMode(PIN_TO_DIGITAL(pin), OUTPUT);
  portConfigInputs[pin / 8] &= ~(1 << (pin & 7));
  Firmata.setPinMode(pin, OUTPUT);
  Firmata.setPinState(pin, failsafeLevel[pin]);
}

void checkHeartbeat(void) {
  if (heartbeatTimeout == 0 || millis() - lastHeartbeat < heartbeatTimeout) return;
  heartbeatTimeout = 0;  // disarmed until the next heartbeat
  trips++;
  for (byte pin = 0; pin < TOTAL_PINS; pin++)
    if (isFailsafe[pin]) {
      digitalWrite(PIN_TO_DIGITAL(pin), failsafeLevel[pin]);
      Firmata.setPinState(pin, failsafeLevel[pin]);
    }
  byte n[2] = {(byte)(trips & 0x7F), (byte)((trips >> 7) & 0x7F)};
  Firmata.sendSysex(SYSEX_FAILSAFE_TRIPPED, 2, n);
}

void sendCapabilities(void) {
  Firmata.write(START_SYSEX);
  Firmata.write(CAPABILITY_RESPONSE);
  for (byte pin = 0; pin < TOTAL_PINS; pin++) {
    if (IS_PIN_DIGITAL(pin)) {
      Firmata.write((byte)INPUT); Firmata.write(1);
      Firmata.write((byte)PIN_MODE_PULLUP); Firmata.write(1);
      Firmata.write((byte)OUTPUT); Firmata.write(1);
    }
    if (IS_PIN_ANALOG(pin)) { Firmata.write(PIN_MODE_ANALOG); Firmata.write(10); }
    Firmata.write(127);
  }
  Firmata.write(END_SYSEX);
}

void sendAnalogMapping(void) {
  Firmata.write(START_SYSEX);
  Firmata.write(ANALOG_MAPPING_RESPONSE);
  for (byte pin = 0; pin < TOTAL_PINS; pin++) Firmata.write(IS_PIN_ANALOG(pin) ? PIN_TO_ANALOG(pin) : 127);
  Firmata.write(END_SYSEX);
}

void sysexCallback(byte command, byte argc, byte *argv) {
  switch (command) {
    case SYSEX_HEARTBEAT:
      if (argc >= 2) {
        heartbeatTimeout = argv[0] | (argv[1] << 7);
        lastHeartbeat = millis();
      }
      break;
    case SYSEX_FAILSAFE_PIN:
      if (argc >= 2) failsafePin(argv[0], argv[1]);
      break;
    case SAMPLING_INTERVAL:
      if (argc > 1) {
        samplingInterval = argv[0] + (argv[1] << 7);
        if (samplingInterval < MIN_SAMPLING_INTERVAL) samplingInterval = MIN_SAMPLING_INTERVAL;
      }
      break;
    case CAPABILITY_QUERY:
      sendCapabilities();
      break;
    case ANALOG_MAPPING_QUERY:
      sendAnalogMapping();
      break;
    case PIN_STATE_QUERY:
      if (argc > 0 && argv[0] < TOTAL_PINS) {
        byte pin = argv[0];
        Firmata.write(START_SYSEX);
        Firmata.write(PIN_STATE_RESPONSE);
        Firmata.write(pin);
        Firmata.write(Firmata.getPinMode(pin));
        Firmata.write((byte)Firmata.getPinState(pin) & 0x7F);
        Firmata.write(END_SYSEX);
      }
      break;
  }
}

/* SYSTEM_RESET keeps fail-safe pins at their safe level (never floats a relay input). */
void systemResetCallback(void) {
  for (byte i = 0; i < TOTAL_PORTS; i++) {
    reportPINs[i] = false;
    portConfigInputs[i] = 0;
    previousPINs[i] = 0;
  }
  for (byte pin = 0; pin < TOTAL_PINS; pin++) {
    if (isFailsafe[pin]) {
      digitalWrite(PIN_TO_DIGITAL(pin), failsafeLevel[pin]);
      continue;
    }
    if (IS_PIN_ANALOG(pin)) setPinModeCallback(pin, PIN_MODE_ANALOG);
    else if (IS_PIN_DIGITAL(pin)) setPinModeCallback(pin, INPUT);
  }
  analogInputsToReport = 0;
  heartbeatTimeout = 0;
}

void setup() {
  Firmata.setFirmwareVersion(FIRMATA_FIRMWARE_MAJOR_VERSION, FIRMATA_FIRMWARE_MINOR_VERSION);
  Firmata.attach(DIGITAL_MESSAGE, digitalWriteCallback);
  Firmata.attach(REPORT_ANALOG, reportAnalogCallback);
  Firmata.attach(REPORT_DIGITAL, reportDigitalCallback);
  Firmata.attach(SET_PIN_MODE, setPinModeCallback);
  Firmata.attach(SET_DIGITAL_PIN_VALUE, setPinValueCallback);
  Firmata.attach(START_SYSEX, sysexCallback);
  Firmata.attach(SYSTEM_RESET, systemResetCallback);
  Firmata.begin(57600);
  systemResetCallback();
}

void loop() {
  checkDigitalInputs();
  while (Firmata.available()) Firmata.processInput();
  checkHeartbeat();
  unsigned long now = millis();
  if (now - previousMillis > samplingInterval) {
    previousMillis += samplingInterval;
    for (byte pin = 0; pin < TOTAL_PINS; pin++)
      if (IS_PIN_ANALOG(pin) && Firmata.getPinMode(pin) == PIN_MODE_ANALOG) {
        byte ch = PIN_TO_ANALOG(pin);
        if (analogInputsToReport & (1 << ch)) Firmata.sendAnalog(ch, analogRead(ch));
      }
  }
}
