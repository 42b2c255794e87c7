import type { WorkspaceSummary } from '../../../shared/domain/partnership';
import { workbench } from '../api';
import { useQuery } from '../data-access/useQuery';
import { MembersPanel } from '../partnership/MembersPanel';
import { PartnershipDetailsForm } from '../partnership/PartnershipDetailsForm';
import { StartWorkspace } from '../partnership/StartWorkspace';
import { WorkspaceFilePanel } from '../partnership/WorkspaceFilePanel';

interface PartnershipScreenProps {
  workspace: WorkspaceSummary | null;
  /** A workspace was created, opened or closed: everything on screen starts afresh. */
  onWorkspaceSwitched(workspace: WorkspaceSummary | null): void;
}

/** Mounted afresh (by key) for each workspace, so no form shows another file's values. */
export function PartnershipScreen({ workspace, onWorkspaceSwitched }: PartnershipScreenProps) {
  if (!workspace) return <StartWorkspace onOpened={onWorkspaceSwitched} />;
  return <OpenPartnership workspace={workspace} onClosed={() => onWorkspaceSwitched(null)} />;
}

/** The open workspace's partnership, its members and its file. */
function OpenPartnership({ workspace, onClosed }: { workspace: WorkspaceSummary; onClosed(): void }) {
  const partnership = useQuery(['partnership'], () => workbench.partnership.show());

  if (partnership.status === 'failed') return <p className="error-message">{partnership.error}</p>;
  if (!partnership.data) return <p role="status">Loading the partnership…</p>;
  const shown = partnership.data;

  return (
    <div className="stack">
      <PartnershipDetailsForm partnership={shown} onSaved={partnership.set} />
      <MembersPanel members={shown.members} onMembersChange={(members) => partnership.update((current) => ({ ...(current ?? shown), members }))} />
      <WorkspaceFilePanel workspace={workspace} onClosed={onClosed} />
    </div>
  );
}
