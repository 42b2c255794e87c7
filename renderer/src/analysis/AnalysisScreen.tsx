/** The Analysis step: figures per offence type. */
export function AnalysisScreen() {
  return <p>Analysis</p>;
}
