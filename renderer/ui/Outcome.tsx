/** What an action came to, beside the action: a quiet status, or an alert when it failed. */
export interface OutcomeMessage {
  ok: boolean;
  text: string;
}

export function Outcome({ message }: { message: OutcomeMessage | null }) {
  if (!message) return null;
  return (
    <span
      role={message.ok ? 'status' : 'alert'}
      className={message.ok ? 'small-text' : 'error-text'}
    >
      {message.text}
    </span>
  );
}
