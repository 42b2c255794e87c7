import type { FactorDefinition, NumericInputField, OffenceInputs } from '../../../../../../shared/matrix/index';
import { formats } from '../sheet-layout';

/** What the Matrix sheet calls each factor and each input, and which inputs publication hides. */

/** Which of an offence's figures publication mode hides. */
export interface HiddenFigures {
  current: boolean;
  comparison: boolean;
  change: boolean;
}

const shortNames: Record<string, string> = {
  volume: 'Volume',
  trend: 'Trend',
  harm: 'Harm',
  vulnerability: 'Vulnerability',
  concern: 'Public concern',
  peer: 'Peer comparison',
  'organisational-position': 'Organisational position',
  confidence: 'Confidence',
};

export const inputNames: Record<NumericInputField, string> = {
  ratePer1000: 'rate per 1,000',
  volume: 'offences per 1,000 residents',
  percentChange: 'change (%)',
  meanHarmWeight: 'mean severity weight',
  peerRatio: 'ratio to MSG average',
};

export const inputFormats: Record<NumericInputField, string> = {
  ratePer1000: formats.rate,
  volume: formats.rate,
  percentChange: formats.percentChange,
  meanHarmWeight: formats.decimal,
  peerRatio: formats.decimal,
};

export const nameOf = (factor: FactorDefinition) => shortNames[factor.id] ?? factor.label;

/** The figure a factor is scored from; a judgement has none. */
export const inputFieldOf = (factor: FactorDefinition): NumericInputField | null =>
  factor.kind === 'peer' ? 'peerRatio' : factor.kind === 'judgement' ? null : factor.input;

/** Whether publication hides this input: it is worked out from a suppressed count. */
export function inputHidden(field: NumericInputField, hidden: HiddenFigures): boolean {
  switch (field) {
    case 'percentChange':
      return hidden.change || hidden.current || hidden.comparison;
    case 'meanHarmWeight':
      return false;
    case 'ratePer1000':
    case 'volume':
    case 'peerRatio':
      return hidden.current;
    default: {
      const unexpected: never = field;
      return unexpected;
    }
  }
}

export function figure(offence: OffenceInputs, field: NumericInputField): number | null {
  const value = offence[field] ?? null;
  return value !== null && Number.isFinite(value) ? value : null;
}

/** The app's percentile rank of each type's rate: 100 × (2 × below + equal) ÷ (2 × n). */
export function percentileRanks(inputs: readonly OffenceInputs[], field: NumericInputField): Map<string, number | null> {
  const present = inputs.map((offence) => figure(offence, field)).filter((value): value is number => value !== null);
  return new Map(
    inputs.map((offence) => {
      const value = figure(offence, field);
      if (value === null) return [offence.key, null];
      const below = present.filter((other) => other < value).length;
      const equal = present.filter((other) => other === value).length;
      return [offence.key, (100 * (2 * below + equal)) / (2 * present.length)];
    }),
  );
}
