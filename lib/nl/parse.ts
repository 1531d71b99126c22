import { closestExamples } from './examples';
import { normalize } from './normalize';
import { parsePlan } from './parse-plan';
import { parseProject } from './parse-project';
import { parseQuery } from './parse-query';
import { parseAssign, parseCreateTask, parseStatus } from './parse-task';
import type { ActionProposal, ParseContext } from './types';

/**
 * Reads one command (中文 first, English too) into an action proposal. Nothing is executed:
 * the UI shows the summary and asks for confirmation. Local and deterministic, no network.
 * Readers are tried from the most specific shape to the loosest; a command none of them
 * reads returns the three closest example commands instead of a guess.
 */
export function parseCommand(input: string, ctx: ParseContext): ActionProposal {
  const text = normalize(input);
  if (text) {
    for (const read of [parsePlan, parseStatus, parseProject, parseAssign, parseCreateTask, parseQuery]) {
      const p = read(text, ctx);
      if (p) return p;
    }
  }
  return { kind: 'unrecognised', suggestions: closestExamples(text) };
}
