import { afterEach } from 'vitest';
import type { ServerDb } from '../server/db';
import { enrollDevice, startDistrict, type Device, type District } from './district';
import { tempDir } from './helpers';

/**
 * For a test file: districts on a backend's database and devices enrolled with them, all
 * closed after each test.
 */
export function districtFixture(open: () => Promise<ServerDb>) {
  const closers: (() => unknown)[] = [];
  afterEach(async () => {
    while (closers.length) await closers.pop()?.();
  });
  return {
    async district(): Promise<District> {
      const db = await open();
      const district = await startDistrict(db);
      closers.push(
        () => db.close(),
        () => district.close(),
      );
      return district;
    },
    async device(
      district: District,
      name: string,
      options: { schoolId?: string; now?: () => Date } = {},
    ): Promise<Device> {
      const device = await enrollDevice(district, tempDir(), name, options);
      closers.push(() => device.core.close());
      return device;
    },
  };
}
