/** The first problem zod found, as one sentence: "period.from: Give a month." */
export function firstIssueMessage(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fallback = 'The request was not valid.',
): string {
  const issue = issues[0];
  if (!issue) return fallback;
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
