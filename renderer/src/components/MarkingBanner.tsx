import type { ProtectiveMarking } from '../../../shared/domain/partnership';

/** The protective marking, shown as text (not colour alone) at the top of every screen. */
export function MarkingBanner({ marking }: { marking: ProtectiveMarking }) {
  return (
    <p className={`marking marking-${marking === 'OFFICIAL' ? 'official' : 'sensitive'}`} data-testid="marking">
      <span className="visually-hidden">Protective marking: </span>
      {marking}
    </p>
  );
}
