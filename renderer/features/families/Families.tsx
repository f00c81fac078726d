import { StudentFinder } from './StudentFinder';

/** Start here to open a family's record. */
export function Families({ onOpenStudent }: { onOpenStudent: (studentId: string) => void }) {
  return (
    <div className="families">
      <h1>Families</h1>
      <section className="card">
        <StudentFinder onOpen={onOpenStudent} autoFocus />
      </section>
    </div>
  );
}
