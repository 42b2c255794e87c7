import { protectiveMarkings, type ProtectiveMarking } from '../../../shared/domain/partnership';

const descriptions: Record<ProtectiveMarking, string> = {
  OFFICIAL: 'Routine partnership business, including most aggregated crime data.',
  'OFFICIAL-SENSITIVE': 'Data that could cause harm if it were lost, such as small-area or victim-level detail.',
};

interface MarkingChoiceProps {
  name: string;
  value: ProtectiveMarking;
  onChange(value: ProtectiveMarking): void;
}

export function MarkingChoice({ name, value, onChange }: MarkingChoiceProps) {
  return (
    <fieldset className="field radios">
      <legend>Protective marking</legend>
      <p className="hint">Shown on every screen and in the header and footer of every export.</p>
      {protectiveMarkings.map((marking) => (
        <div className="radio" key={marking}>
          <input
            type="radio"
            id={`${name}-${marking}`}
            name={name}
            value={marking}
            checked={value === marking}
            onChange={() => onChange(marking)}
            aria-describedby={`${name}-${marking}-hint`}
          />
          <label htmlFor={`${name}-${marking}`}>{marking}</label>
          <p className="hint radio-hint" id={`${name}-${marking}-hint`}>
            {descriptions[marking]}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
