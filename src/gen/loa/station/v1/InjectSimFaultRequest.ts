// Original file: proto/loa/station/v1/station.proto


export interface InjectSimFaultRequest {
  /**
   * relay-stuck | antenna-open | over-temperature | mains-lost | line-open | line-short |
   * earth-fault | speaker-missing | sensor-fault
   */
  'name'?: (string);
  'zone'?: (number);
  'channel'?: (string);
  'count'?: (number);
  '_zone'?: "zone";
  '_channel'?: "channel";
  '_count'?: "count";
}

export interface InjectSimFaultRequest__Output {
  /**
   * relay-stuck | antenna-open | over-temperature | mains-lost | line-open | line-short |
   * earth-fault | speaker-missing | sensor-fault
   */
  'name': (string);
  'zone'?: (number);
  'channel'?: (string);
  'count'?: (number);
}
