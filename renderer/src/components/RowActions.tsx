import type { ReactNode } from 'react';

interface RowButtonProps {
  /** What the button does: "Edit", "Move up". */
  action: string;
  /** What it acts on, read out by screen readers after the action: "Essex Police". */
  subject: string;
  onClick(): void;
  danger?: boolean;
  disabled?: boolean;
  id?: string;
}

/** A small text button in a table row whose accessible name says which row it acts on. */
export function RowButton({ action, subject, onClick, danger = false, disabled = false, id }: RowButtonProps) {
  return (
    <button type="button" id={id} className={`button-link${danger ? ' danger' : ''}`} disabled={disabled} onClick={onClick}>
      {action}
      <span className="visually-hidden"> {subject}</span>
    </button>
  );
}

interface RemovableRowActionsProps {
  subject: string;
  confirming: boolean;
  onAskToRemove(): void;
  onConfirm(): void;
  onKeep(): void;
  /** An id for the Remove button, to return focus to it. */
  removeId?: string;
  /** The row's other actions, shown until removal is asked for. */
  children?: ReactNode;
}

/** A row's actions with a two-step Remove: nothing is lost to a stray click. */
export function RemovableRowActions({ subject, confirming, onAskToRemove, onConfirm, onKeep, removeId, children }: RemovableRowActionsProps) {
  if (confirming) {
    return (
      <>
        <RowButton action="Confirm removal" subject={`of ${subject}`} danger onClick={onConfirm} />
        <RowButton action="Keep" subject={subject} onClick={onKeep} />
      </>
    );
  }
  return (
    <>
      {children}
      <RowButton id={removeId} action="Remove" subject={subject} danger onClick={onAskToRemove} />
    </>
  );
}
