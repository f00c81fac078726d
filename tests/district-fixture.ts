import { afterEach } from 'vitest';
import type { ServerDb } from '../server/db';
import { callOrThrow } from '../db/core';
import {
  DISTRICT_PASSWORD,
  addOkaforFamily,
  enrollDevice,
  startDistrict,
  type Device,
  type District,
} from './district';
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
  async function district(): Promise<District> {
    const db = await open();
    const district = await startDistrict(db);
    closers.push(
      () => db.close(),
      () => district.close(),
    );
    return district;
  }
  async function device(
    district: District,
    name: string,
    options: { schoolId?: string; now?: () => Date } = {},
  ): Promise<Device> {
    const device = await enrollDevice(district, tempDir(), name, options);
    closers.push(() => device.core.close());
    return device;
  }
  return {
    district,
    device,
    /**
     * A new district's front desk with work waiting to sync: the Okafor family, added by a
     * front-office member signed in there through the district.
     */
    async deskWithWork(): Promise<{ district: District; desk: Device }> {
      const d = await district();
      const office = await d.addStaff('Omar Office', 'front_office', []);
      const desk = await device(d, 'Front desk');
      await desk.signIn(office);
      callOrThrow(desk.core, 'session.signIn', { staffId: office.id, password: DISTRICT_PASSWORD });
      addOkaforFamily(desk.core);
      return { district: d, desk };
    },
  };
}
