import type { NewRecord, Writer } from '../write';
import { getMeta, setMeta, type Store } from '../store';
import {
  collectInto,
  createDemoFamilies,
  createDemoSchool,
  createDemoStaff,
  type DemoSize,
} from './generate';
import { HearthError, WORDS, say } from '../../contract';
import { createDemoFamilyLife } from './family-life';
import { createDemoVisits } from './front-desk';
import { createDemoNotes } from './notes';

/** Setting up happens once per database: demo or real, never both. */
export function refuseIfSetUp(store: Store): void {
  if (getMeta(store, 'setup')) {
    throw new HearthError('ALREADY_SET_UP', say(WORDS.alreadySetUp));
  }
}

/**
 * Fill a database that has never been set up with the demo school, and mark it as demo.
 * Refuses any database that is already set up, so a real school never receives demo data.
 * Runs inside the caller's transaction.
 */
export function installDemoSchool(store: Store, writer: Writer, now: Date, size: DemoSize): void {
  refuseIfSetUp(store);
  const school = createDemoSchool(writer, now);
  const staff = createDemoStaff(store, writer, now, school);
  const families: NewRecord[] = [];
  createDemoFamilies(collectInto(families), school, size);
  writer.insertMany(families);
  createDemoNotes(store, writer, now, school, staff);
  const members = staff.map((s) => s.staff);
  createDemoFamilyLife(store, writer, now, school, members);
  createDemoVisits(store, writer, now, school, members);
  setMeta(store, 'school_id', school.id);
  setMeta(store, 'setup', 'demo');
}
