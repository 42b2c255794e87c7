import { useCallback, useEffect, useState } from 'react';
import type { Partnership, WorkspaceSummary } from '../../../shared/domain/partnership';
import { workbench } from '../api';
import { MembersPanel } from '../partnership/MembersPanel';
import { PartnershipDetailsForm } from '../partnership/PartnershipDetailsForm';
import { StartWorkspace } from '../partnership/StartWorkspace';
import { WorkspaceFilePanel } from '../partnership/WorkspaceFilePanel';

interface PartnershipScreenProps {
  workspace: WorkspaceSummary | null;
  /** A workspace was created, opened or closed: everything on screen starts afresh. */
  onWorkspaceSwitched(workspace: WorkspaceSummary | null): void;
  /** The open workspace's summary changed (its name or marking, say). */
  onWorkspaceChange(workspace: WorkspaceSummary | null): void;
}

/** Mounted afresh (by key) for each workspace, so no form shows another file's values. */
export function PartnershipScreen({ workspace, onWorkspaceSwitched, onWorkspaceChange }: PartnershipScreenProps) {
  const [partnership, setPartnership] = useState<Partnership | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refreshSummary = useCallback(async () => {
    const result = await workbench.workspace.show();
    if (result.ok) onWorkspaceChange(result.value);
    else setLoadError(result.error.message);
  }, [onWorkspaceChange]);

  const isOpen = workspace !== null;
  useEffect(() => {
    if (!isOpen) return;
    void workbench.partnership.show().then((result) => {
      if (result.ok) setPartnership(result.value);
      else setLoadError(result.error.message);
    });
  }, [isOpen]);

  if (!workspace) return <StartWorkspace onOpened={onWorkspaceSwitched} />;
  if (loadError) return <p className="error-message">{loadError}</p>;
  if (!partnership) return <p role="status">Loading the partnership…</p>;

  return (
    <div className="stack">
      <PartnershipDetailsForm
        partnership={partnership}
        onSaved={(saved) => {
          setPartnership(saved);
          void refreshSummary();
        }}
      />
      <MembersPanel
        members={partnership.members}
        onMembersChange={(members) => setPartnership({ ...partnership, members })}
      />
      <WorkspaceFilePanel workspace={workspace} onClosed={() => onWorkspaceSwitched(null)} />
    </div>
  );
}
