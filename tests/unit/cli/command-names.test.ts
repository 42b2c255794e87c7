import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../../electron/cli/workbench';
import { operationNames } from '../../../shared/operations';
import { runBuiltCli } from '../../fixtures/built-cli';

/** `map-label` is the verb of 'dataset/mapLabel'. */
const camelCase = (kebab: string) => kebab.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Every command that runs something (has no commands of its own), as the words typed for it. */
function leafCommands(command: Command, words: string[] = []): string[][] {
  return command.commands.flatMap((child) => {
    const path = [...words, child.name()];
    return child.commands.length > 0 ? leafCommands(child, path) : [path];
  });
}

describe('the CLI’s command names', () => {
  const commands = leafCommands(createProgram());

  it('names every command by its operation: the noun, then the verb in kebab-case', () => {
    expect(commands.length).toBeGreaterThan(0);
    for (const words of commands) {
      const typed = words.join(' ');
      expect(words, `"${typed}" is not a noun and a verb`).toHaveLength(2);
      const [noun, verb] = words as [string, string];
      expect(verb, `"${typed}": a verb is lower-case words joined by hyphens`).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(operationNames, `"${typed}" names no operation in shared/operations.ts`).toContain(`${noun}/${camelCase(verb)}`);
    }
  });

  it('has one command for each operation it names', () => {
    const named = commands.map((words) => words.join(' '));
    expect(new Set(named).size).toBe(named.length);
    expect(named).toContain('dataset map-label');
    expect(named).toContain('analysis set-denominators');
  });

  it('refuses the old names with commander’s error, as any unknown command', { timeout: 60_000 }, () => {
    for (const words of [['init'], ['info'], ['backup'], ['demo'], ['import'], ['datasets'], ['counts'], ['score'], ['judge'], ['sensitivity'], ['period', 'show'], ['population', 'set']]) {
      const result = runBuiltCli(...words, '--workspace', 'w.sqlite');
      expect(result.code, words.join(' ')).toBe(1);
      expect(result.stderr, words.join(' ')).toMatch(new RegExp(`^error: unknown command '${words[0]}'`));
    }
    for (const document of ['plan', 'board-paper']) {
      const result = runBuiltCli('export', document, '--workspace', 'w.sqlite', '--out', 'x.pdf');
      expect(result.code, `export ${document}`).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^error: unknown command '${document}'`));
    }
  });
});
