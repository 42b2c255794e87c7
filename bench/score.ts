/**
 * npx tsx bench/score.ts — the risk matrix's speed on 60 synthetic offence types:
 *   rescore: one scoreMatrix call, working and all, as the renderer makes on every weight edit.
 *            Bar ≤ 1 ms.
 *   sensitivity: 2,000 draws of ±25% on every weight. Bar ≤ 500 ms.
 *   analysis load: see analysis-load.ts. Bar ≤ 0.1 of one SELECT count(*) over the rows.
 * Each figure is the median of several timed runs after a warm-up, so that a JIT pause or a
 * garbage collection does not decide it. Not part of npm test: timings do not belong in tests.
 */
import {
  analyseSensitivity,
  createMatrixTemplate,
  createSeededRandom,
  matrixTemplateIds,
  scoreMatrix,
  type Judgement,
  type JudgementScore,
  type OffenceInputs,
} from '../shared/matrix';
import { measureAnalysisLoad } from './analysis-load';
import { median, timeMs } from './timing';

const offenceCount = 60;
const rescoreBarMs = 1;
const sensitivityBarMs = 500;

function syntheticOffences(seed: number): { offences: OffenceInputs[]; judgements: Judgement[] } {
  const random = createSeededRandom(seed);
  const offences = Array.from({ length: offenceCount }, (_, index): OffenceInputs => {
    const previousCount = Math.floor(random() * 2000);
    const currentCount = Math.floor(previousCount * (0.6 + random() * 0.8));
    const meanHarmWeight = Math.exp(random() * Math.log(8000));
    return {
      key: `subgroup:synthetic-${index}`,
      label: `Synthetic offence ${index}`,
      ratePer1000: random() < 0.05 ? null : currentCount / 190,
      currentCount,
      previousCount,
      percentChange: previousCount === 0 ? null : (100 * (currentCount - previousCount)) / previousCount,
      significant: Math.abs(2 * (Math.sqrt(currentCount) - Math.sqrt(previousCount))) > 1.96,
      meanHarmWeight,
      totalHarm: meanHarmWeight * currentCount,
      peerRatio: random() < 0.3 ? null : 0.5 + random(),
    };
  });
  const judgements = offences.flatMap((offence) =>
    ['vulnerability', 'concern', 'organisational-position', 'confidence']
      .filter(() => random() < 0.8)
      .map((factor): Judgement => ({
        factor,
        offenceKey: offence.key,
        score: (1 + Math.floor(random() * 5)) as JudgementScore,
        rationale: 'Synthetic judgement for the benchmark.',
      })),
  );
  return { offences, judgements };
}

const verdict = (ms: number, bar: number) => (ms <= bar ? 'within the bar' : 'OVER THE BAR');
const { offences, judgements } = syntheticOffences(2018);
let failed = false;

for (const template of matrixTemplateIds) {
  const definition = createMatrixTemplate(template);
  for (let warm = 0; warm < 500; warm += 1) scoreMatrix(definition, offences, judgements);
  const batch = 1000;
  const perRescore = median(
    Array.from({ length: 7 }, () =>
      timeMs(() => {
        for (let run = 0; run < batch; run += 1) scoreMatrix(definition, offences, judgements);
      }) / batch,
    ),
  );
  failed ||= perRescore > rescoreBarMs;
  console.log(`${template.padEnd(13)} rescore of ${offenceCount} offence types: ${perRescore.toFixed(3)} ms (bar ≤ ${rescoreBarMs} ms, ${verdict(perRescore, rescoreBarMs)})`);

  const cold = timeMs(() => analyseSensitivity(definition, offences, judgements, { draws: 2000 }));
  const warmRuns = Array.from({ length: 7 }, () => timeMs(() => analyseSensitivity(definition, offences, judgements, { draws: 2000 })));
  const sensitivity = median(warmRuns);
  failed ||= sensitivity > sensitivityBarMs || cold > sensitivityBarMs;
  console.log(
    `${template.padEnd(13)} sensitivity, 2,000 draws × ${offenceCount}: ${sensitivity.toFixed(1)} ms (first run ${cold.toFixed(1)} ms; bar ≤ ${sensitivityBarMs} ms, ${verdict(Math.max(sensitivity, cold), sensitivityBarMs)})`,
  );
}

void measureAnalysisLoad().then((within) => {
  if (failed || !within) process.exitCode = 1;
});
