import type { Command } from 'commander';
import { historyText } from '../domain/history-text.js';
import { MERGE_FIELD_LABELS, MERGE_FIELDS, type MergeField } from '../domain/merge-fields.js';
import type { Comparison, DuplicatePair } from '../services/people/duplicates.js';
import type { MergeRecord, MergeResult } from '../services/people/merge-people.js';
import { CliError, type WithApi } from './api.js';
import { printJson, printTable } from './format.js';
import { confirmed } from './interact.js';

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

function parseTakeOther(value: string | undefined): MergeField[] {
  if (!value) return [];
  const fields = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = fields.filter((f) => !(MERGE_FIELDS as readonly string[]).includes(f));
  if (unknown.length) {
    throw new CliError(
      `--take-other: unknown field ${unknown.join(', ')}. Fields: ${MERGE_FIELDS.join(', ')}.`,
    );
  }
  return fields as MergeField[];
}

function printPlan(cmp: Comparison, takeOther: MergeField[]): Record<string, 'kept' | 'merged'> {
  const choices: Record<string, 'kept' | 'merged'> = {};
  console.log(`Keep ${cmp.kept.fullName} (${cmp.kept.id})`);
  console.log(`Merge ${cmp.other.fullName} (${cmp.other.id}) into them`);
  if (cmp.reasons.length) console.log(`Why they look alike: ${cmp.reasons.join('; ')}`);
  const rows = cmp.fields
    .filter((f) => f.differs)
    .map((f) => {
      const choice = takeOther.includes(f.field) ? 'merged' : f.defaultChoice;
      choices[f.field] = choice;
      return {
        field: MERGE_FIELD_LABELS[f.field],
        kept: f.keptText ?? '—',
        other: f.otherText ?? '—',
        result: (choice === 'merged' ? f.otherText : f.keptText) ?? '—',
      };
    });
  console.log('');
  printTable(rows, ['field', 'kept', 'other', 'result'], 'Every field has the same value.');
  console.log(`\n${historyText(cmp.counts.other) ?? 'no history'} will move to ${cmp.kept.fullName}.`);
  console.log('Notes, tags, past organizations and introductions of both are kept. The merge can be undone.');
  return choices;
}

/** `rapport duplicates`, `rapport merge KEEP_ID OTHER_ID`, `rapport merge undo MERGE_ID`, `rapport merges`. */
export function registerDuplicateCommands(program: Command, withApi: WithApi): void {
  program
    .command('duplicates')
    .description('people who are probably the same person, with the reasons')
    .option('--limit <n>', 'how many pairs', '50')
    .option('--json', 'print JSON')
    .action((o: { limit: string; json?: boolean }) =>
      withApi(async (api) => {
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new CliError('--limit: give a whole number of 1 or more.');
        const r = await api.call<{ items: Json<DuplicatePair>[]; total: number }>(
          'GET',
          `/api/duplicates?limit=${Math.min(limit, 500)}`,
        );
        if (o.json) return printJson(r);
        printTable(
          r.items.map((p) => ({
            keep: p.a.id,
            other: p.b.id,
            names: `${p.a.fullName} / ${p.b.fullName}`,
            why: p.labels.join('; '),
          })),
          ['names', 'why', 'keep', 'other'],
          'No likely duplicates. Everyone appears once.',
        );
        if (r.total > r.items.length) console.log(`… and ${r.total - r.items.length} more pairs.`);
        if (r.items.length) console.log('\nReview and merge a pair with: rapport merge KEEP_ID OTHER_ID');
      }),
    );

  const merge = program
    .command('merge')
    .description(
      'merge OTHER_ID into KEEP_ID (shows what will happen first); `merge undo MERGE_ID` undoes one',
    )
    .argument('<keep-id>', 'the person to keep')
    .argument('<other-id>', 'the person merged into them and then removed')
    .option('-y, --yes', 'merge without asking (required when input is not a terminal)')
    .option('--dry-run', 'only show what would happen; write nothing')
    .option(
      '--take-other <fields>',
      `fields to take from the other person, comma-separated (${MERGE_FIELDS.join(', ')})`,
    )
    .option('--json', 'print the result as JSON')
    .action(
      (
        keepId: string,
        otherId: string,
        o: { yes?: boolean; dryRun?: boolean; takeOther?: string; json?: boolean },
      ) =>
        withApi(async (api) => {
          const takeOther = parseTakeOther(o.takeOther);
          const cmp = await api.call<Comparison>(
            'GET',
            `/api/duplicates/compare?keptId=${encodeURIComponent(keepId)}&otherId=${encodeURIComponent(otherId)}`,
          );
          const choices = printPlan(cmp, takeOther);
          if (o.dryRun) {
            console.log('\nDry run: nothing was written.');
            return;
          }
          const go = await confirmed({
            yes: o.yes,
            question: `\nMerge ${cmp.other.fullName} into ${cmp.kept.fullName}? [y/N] `,
            refusal:
              'Nothing was merged: input is not a terminal, so the merge cannot be confirmed. Run again with --yes to merge, or with --dry-run to only see the plan.',
            declined: 'Nothing was merged.',
          });
          if (!go) return;
          const result = await api.call<MergeResult>('POST', '/api/duplicates/merge', {
            keptId: cmp.kept.id,
            mergedId: cmp.other.id,
            keptVersion: cmp.kept.version,
            mergedVersion: cmp.other.version,
            choices,
          });
          if (o.json) return printJson(result);
          console.log(`\nMerged ${result.mergedName} into ${result.keptName}.`);
          console.log(`To undo: rapport merge undo ${result.mergeId}`);
        }),
    );

  merge
    .command('undo')
    .description('undo a merge: both people and everything that moved come back')
    .argument('<merge-id>', 'the id printed by the merge, or shown by `rapport merges`')
    .action((mergeId: string) =>
      withApi(async (api) => {
        await api.call('POST', `/api/merges/${encodeURIComponent(mergeId)}/undo`);
        console.log('Merge undone: both people are back, with everything they had before.');
      }),
    );

  program
    .command('merges')
    .description('recent merges, newest first, with their ids for undo')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withApi(async (api) => {
        const r = await api.call<{ items: Json<MergeRecord>[] }>('GET', '/api/merges');
        if (o.json) return printJson(r);
        printTable(
          r.items.map((m) => ({
            id: m.id,
            when: m.at.slice(0, 16).replace('T', ' '),
            what: `${m.mergedName} into ${m.keptName}`,
            undone: m.undoneAt ? m.undoneAt.slice(0, 10) : '',
          })),
          ['id', 'when', 'what', 'undone'],
          'No merges yet.',
        );
      }),
    );
}
