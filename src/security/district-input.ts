/**
 * What the station accepts from the district before anything runs or is stored, whatever the
 * hub let through (an older hub, or a hub someone else controls): a schedule within its size
 * limits that names media by content only; command parameters that name no station path.
 */
import { checkDistrictMedia } from './media-ref.js';
import { checkScheduleSize } from './schedule-size.js';

export function checkDesiredSchedule(schedule: unknown): void {
  checkScheduleSize(schedule, 'desired.schedule');
  checkDistrictMedia(schedule, ['desired', 'schedule']);
}
