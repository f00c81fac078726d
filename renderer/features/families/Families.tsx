import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { StudentFinder } from './StudentFinder';
import { VoiceItem } from './VoicePanel';

/** Start here to open a family's page; below, what families raised that is still open. */
export function Families({
  onOpenStudent,
  onOpenFamily,
}: {
  onOpenStudent: (studentId: string) => void;
  onOpenFamily: (householdId: string) => void;
}) {
  const [version, setVersion] = useState(0);
  const open = useCall('voice.open', {}, version);
  return (
    <div className="families">
      <h1>Families</h1>
      <section className="card">
        <StudentFinder onOpen={onOpenStudent} onOpenFamily={onOpenFamily} autoFocus />
      </section>
      <section className="card" aria-labelledby="open-voice-title">
        <h2 id="open-voice-title">Family voice: still open, oldest first</h2>
        <p className="muted small-text">
          What families suggested, asked or raised as a concern, until they have been told what was
          done with it.
        </p>
        {open.error !== undefined && (
          <p role="alert" className="error-text">
            {errorMessage(open.error)}
          </p>
        )}
        {open.data?.length === 0 && (
          <p className="empty">Every family has heard back. Nothing open.</p>
        )}
        <ul className="voice-list">
          {open.data?.map((item) => (
            <VoiceItem
              key={item.id}
              item={item}
              onChanged={() => setVersion((n) => n + 1)}
              onOpenFamily={onOpenFamily}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
