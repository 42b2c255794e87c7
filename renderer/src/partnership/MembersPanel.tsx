import { useEffect, useRef, useState, type FormEvent } from 'react';
import { MemberInput, type Member } from '../../../shared/domain/partnership';
import { priorityHeading } from '../../../shared/domain/priority';
import type { Result } from '../../../shared/result';
import { workbench } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { RemovableRowActions, RowButton } from '../components/RowActions';
import { TextField } from '../components/TextField';
import { useSchemaForm } from '../components/useSchemaForm';
import { useSerialWrites } from '../data-access/useSerialWrites';

const fieldIds = { name: 'member-name', contact: 'member-contact' };
const removeButtonId = (id: number) => `member-remove-${id}`;

interface MembersPanelProps {
  members: Member[];
  onMembersChange(members: Member[]): void;
}

export function MembersPanel({ members, onMembersChange }: MembersPanelProps) {
  const [editing, setEditing] = useState<Member | null>(null);
  const [name, setName] = useState('');
  const [statutory, setStatutory] = useState(false);
  const [contact, setContact] = useState('');
  const [confirmingRemoval, setConfirmingRemoval] = useState<number | null>(null);
  /** A member that leads priorities: the service's account of it, and the priorities by name. */
  const [leadRemoval, setLeadRemoval] = useState<{ member: Member; message: string; led: string[] } | null>(null);
  const form = useSchemaForm();
  // The order as last stored, and the moves still to send: a move is worked out from the order
  // the previous move left, never from the list on screen when its key was pressed.
  const stored = useRef(members);
  const moves = useSerialWrites();
  useEffect(() => {
    stored.current = members;
  }, [members]);

  function resetForm() {
    setEditing(null);
    setName('');
    setStatutory(false);
    setContact('');
  }

  function apply(result: Result<Member[]>, message: string): boolean {
    if (!result.ok) {
      form.setErrors([{ fieldId: null, message: result.error.message }]);
      return false;
    }
    form.setErrors([]);
    stored.current = result.value;
    onMembersChange(result.value);
    form.setStatus(message);
    return true;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const target = editing;
    const result = await form.submit({
      schema: MemberInput,
      values: { name, statutory, contact },
      fieldIds,
      call: (member) => (target ? workbench.member.update({ id: target.id, ...member }) : workbench.member.add(member)),
      done: (saved) => {
        stored.current = saved;
        onMembersChange(saved);
      },
      message: (_saved, member) => (target ? `${member.name} updated.` : `${member.name} added.`),
    });
    if (result?.ok) {
      resetForm();
      document.getElementById(fieldIds.name)?.focus();
    }
  }

  function startEditing(member: Member) {
    setEditing(member);
    setName(member.name);
    setStatutory(member.statutory);
    setContact(member.contact ?? '');
    form.setErrors([]);
    requestAnimationFrame(() => document.getElementById(fieldIds.name)?.focus());
  }

  function move(memberId: number, offset: -1 | 1): Promise<void> {
    return moves.enqueue(async () => {
      const order = stored.current;
      const index = order.findIndex((member) => member.id === memberId);
      const target = index + offset;
      if (index < 0 || target < 0 || target >= order.length) return;
      const ids = order.map((member) => member.id);
      [ids[index], ids[target]] = [ids[target]!, ids[index]!];
      const moved = order[index]!;
      if (!apply(await workbench.member.move({ ids }), `${moved.name} moved to position ${target + 1}.`)) return;
      // Keep focus on the moved row, on the same control while it can still move that way.
      const atEnd = offset < 0 ? target === 0 : target === ids.length - 1;
      const direction = (offset < 0) !== atEnd ? 'up' : 'down';
      requestAnimationFrame(() => document.getElementById(`move-${direction}-${moved.id}`)?.focus());
    });
  }

  async function remove(member: Member, confirmLeadRemoval = false) {
    setConfirmingRemoval(null);
    setLeadRemoval(null);
    const result = await workbench.member.remove({ id: member.id, confirmLeadRemoval });
    if (!result.ok && result.error.code === 'needs-confirmation') {
      // It leads priorities: ask again, saying which, before they lose their lead.
      const priorities = await workbench.priority.list();
      const led = priorities.ok ? priorities.value.filter((priority) => priority.lead?.id === member.id).map(priorityHeading) : [];
      setLeadRemoval({ member, message: result.error.message, led });
      return;
    }
    if (editing?.id === member.id) resetForm();
    const cleared = confirmLeadRemoval ? ' The priorities it led have no lead partner now.' : '';
    if (apply(result, `${member.name} removed.${cleared}`)) requestAnimationFrame(() => document.getElementById('members-heading')?.focus());
  }

  function keepLead(member: Member) {
    setLeadRemoval(null);
    requestAnimationFrame(() => document.getElementById(removeButtonId(member.id))?.focus());
  }

  const statutoryCount = members.filter((member) => member.statutory).length;

  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading" tabIndex={-1}>
        Members
      </h2>
      <p>
        The organisations in the partnership, in the order they appear in the plan.{' '}
        {members.length > 0
          ? `${members.length} ${members.length === 1 ? 'member' : 'members'}, ${statutoryCount} statutory.`
          : ''}
      </p>
      <ErrorSummary errors={form.errors} />
      {members.length === 0 ? (
        <p className="empty-note">No members yet. Add the responsible authorities first, then the other partners.</p>
      ) : (
        <DataTable
          caption="Partnership members"
          testId="members-table"
          rows={members}
          rowKey={(member) => member.id}
          rowTestId="member-row"
          columns={[
            { id: 'order', header: 'Order', numeric: true, cell: (_member, index) => index + 1 },
            {
              id: 'organisation',
              header: 'Organisation',
              rowHeader: true,
              className: 'member-name',
              cell: (member) => (
                <>
                  {member.statutory ? (
                    <span className="statutory-mark" aria-hidden="true">
                      *
                    </span>
                  ) : null}
                  {member.name}
                </>
              ),
            },
            { id: 'statutory', header: 'Statutory', cell: (member) => (member.statutory ? 'Statutory' : <span className="muted">Not statutory</span>) },
            { id: 'contact', header: 'Contact', cell: (member) => member.contact ?? <span className="muted">None</span> },
            {
              id: 'actions',
              header: 'Actions',
              headerHidden: true,
              className: 'row-actions',
              cell: (member, index) => (
                <RemovableRowActions
                  subject={member.name}
                  confirming={confirmingRemoval === member.id}
                  onAskToRemove={() => setConfirmingRemoval(member.id)}
                  onConfirm={() => void remove(member)}
                  onKeep={() => setConfirmingRemoval(null)}
                  removeId={removeButtonId(member.id)}
                >
                  <RowButton id={`move-up-${member.id}`} action="Move up" subject={member.name} disabled={index === 0} onClick={() => void move(member.id, -1)} />
                  <RowButton
                    id={`move-down-${member.id}`}
                    action="Move down"
                    subject={member.name}
                    disabled={index === members.length - 1}
                    onClick={() => void move(member.id, 1)}
                  />
                  <RowButton action="Edit" subject={member.name} onClick={() => startEditing(member)} />
                </RemovableRowActions>
              ),
            },
          ]}
        />
      )}
      {statutoryCount > 0 ? <p className="footnote">Those marked with a * are statutory members.</p> : null}

      <form className="subpanel" onSubmit={submit} noValidate aria-labelledby="member-form-heading">
        <h3 id="member-form-heading">{editing ? `Edit ${editing.name}` : 'Add a member'}</h3>
        <div className="field-row">
          <TextField
            id={fieldIds.name}
            label="Organisation"
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={form.errorFor(fieldIds.name)}
            autoComplete="off"
          />
          <TextField
            id={fieldIds.contact}
            label="Contact (optional)"
            hint="A named officer, role or mailbox"
            value={contact}
            onChange={(event) => setContact(event.target.value)}
            error={form.errorFor(fieldIds.contact)}
            autoComplete="off"
          />
        </div>
        <div className="checkbox">
          <input
            id="member-statutory"
            type="checkbox"
            checked={statutory}
            onChange={(event) => setStatutory(event.target.checked)}
            aria-describedby="member-statutory-hint"
          />
          <label htmlFor="member-statutory">Statutory member</label>
          <p className="hint" id="member-statutory-hint">
            A responsible authority under section 5 of the Crime and Disorder Act 1998: council, police, fire and
            rescue, probation or health.
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {editing ? 'Save member' : 'Add member'}
          </button>
          {editing ? (
            <button type="button" className="button button-secondary" onClick={resetForm}>
              Cancel editing
            </button>
          ) : null}
        </div>
      </form>
      <p role="status" className="status-message">
        {form.status}
      </p>
      {leadRemoval ? (
        <ConfirmDialog
          title={`Remove ${leadRemoval.member.name}?`}
          confirmLabel={`Remove ${leadRemoval.member.name}`}
          cancelLabel="Keep the member"
          onConfirm={() => void remove(leadRemoval.member, true)}
          onCancel={() => keepLead(leadRemoval.member)}
        >
          {leadRemoval.led.length > 0 ? (
            <>
              <p>
                {leadRemoval.member.name} leads {leadRemoval.led.length === 1 ? 'this priority' : `these ${leadRemoval.led.length} priorities`}:
              </p>
              <ul data-testid="lead-removal-priorities">
                {leadRemoval.led.map((heading) => (
                  <li key={heading}>{heading}</li>
                ))}
              </ul>
              <p>Removing it leaves {leadRemoval.led.length === 1 ? 'that priority' : 'them'} without a lead partner. You can choose another lead on the Priorities screen.</p>
            </>
          ) : (
            <p>{leadRemoval.message}</p>
          )}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
