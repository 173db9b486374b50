// Original file: proto/loa/district/v1/district.proto

import type { CommandInfo as _loa_district_v1_CommandInfo, CommandInfo__Output as _loa_district_v1_CommandInfo__Output } from '../../../loa/district/v1/CommandInfo.js';

export interface SendCommandResponse {
  'commands'?: (_loa_district_v1_CommandInfo)[];
}

export interface SendCommandResponse__Output {
  'commands': (_loa_district_v1_CommandInfo__Output)[];
}
