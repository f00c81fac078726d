import { audiencesOfStaff } from '../../contract';
import type { DeviceCaller } from '../auth/guards';

/** What a device's staff may receive besides the whole school's records, sorted. */
export const audiencesOf = (device: DeviceCaller): string[] =>
  [...new Set(device.staff.flatMap(audiencesOfStaff))].sort();
