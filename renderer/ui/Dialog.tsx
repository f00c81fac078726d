import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** alertdialog for warnings that need a decision. */
  role?: 'dialog' | 'alertdialog';
  tone?: 'neutral' | 'danger';
  /** wide: forms with several fields side by side. */
  size?: 'normal' | 'wide';
  onCancel: () => void;
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert and
 * turns Escape into cancel. Focus starts on the element marked data-autofocus (showModal
 * would otherwise pick the first focusable one) and returns where it was on close.
 */
export function Dialog({
  title,
  role = 'dialog',
  tone = 'neutral',
  size = 'normal',
  onCancel,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog?.close();
      before?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${tone} dialog-${size}`}
      role={role}
      aria-labelledby="dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}
