import type { Command } from 'commander';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../domain/search-query.js';
import type { WithApi } from './api.js';
import { printJson } from './format.js';

interface Dashboard {
  funnel: { label: string; count: number; rateFromPrevious: number | null }[];
  medianDaysToReply: number | null;
  replyRate: { byChannel: { key: string; sent: number; replied: number; rate: number | null }[] };
  meetingsPerWeek: { weeks: { weekStart: string; count: number }[]; goal: number };
  conversationsPerOffer: {
    mine: number | null;
    otherOffers: number;
    reference: number;
    caveat: string;
    otherFigures: { figure: string; source: string }[];
  };
}

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

interface Hit {
  type: string;
  title: string;
  snippet: string;
  id: string;
}

/** `rapport stats` (the results dashboard) and `rapport search`. */
export function registerResultsCommands(program: Command, withApi: WithApi): void {
  program
    .command('search <words...>')
    .description(
      'search people, organizations, conversations, notes, debriefs, tasks, insights, messages and questions',
    )
    .option(
      '--type <types>',
      'comma-separated: person, organization, conversation, note, debrief, task, insight, message, question',
    )
    .option('--json', 'print JSON')
    .action((words: string[], o: { type?: string; json?: boolean }) =>
      withApi(async ({ call }) => {
        const params = new URLSearchParams({ q: words.join(' ') });
        if (o.type) params.set('types', o.type);
        const hits = await call<Hit[]>('GET', `/api/search?${params}`);
        if (o.json) return printJson(hits);
        if (!hits.length) {
          console.log('Nothing found. Try fewer or shorter words.');
          return;
        }
        for (const h of hits) {
          // Highlighted words are shown in bold on a terminal.
          const snippet = h.snippet
            .replaceAll(HIGHLIGHT_START, '\x1b[1m')
            .replaceAll(HIGHLIGHT_END, '\x1b[22m');
          console.log(`${h.type.padEnd(12)} ${h.title}${snippet ? ` — ${snippet}` : ''}  (${h.id})`);
        }
      }),
    );
  program
    .command('stats')
    .description('what your conversations produced: the funnel, reply rates, meeting pace')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withApi(async ({ call }) => {
        const d = await call<Dashboard>('GET', '/api/opportunities/dashboard');
        if (o.json) return printJson(d);
        console.log('Funnel');
        for (const f of d.funnel) {
          console.log(`  ${f.label.padEnd(22)} ${String(f.count).padStart(5)}   ${pct(f.rateFromPrevious)}`);
        }
        console.log(
          `\nMedian days to reply: ${d.medianDaysToReply === null ? '—' : d.medianDaysToReply.toFixed(1)}`,
        );
        for (const r of d.replyRate.byChannel) {
          console.log(`  reply rate by ${r.key}: ${pct(r.rate)} (${r.replied} of ${r.sent})`);
        }
        const thisWeek = d.meetingsPerWeek.weeks.at(-1);
        console.log(`\nMeetings this week: ${thisWeek?.count ?? 0} (goal ${d.meetingsPerWeek.goal})`);
        const c = d.conversationsPerOffer;
        console.log(
          `Conversations per offer: ${c.mine === null ? 'no offer is credited to a conversation yet' : c.mine.toFixed(1)} (reference: about ${c.reference})`,
        );
        if (c.otherOffers > 0) {
          console.log(
            `  Left out: ${c.otherOffers} offer(s) with no conversation or person met behind them.`,
          );
        }
        console.log(`  ${c.caveat}`);
        for (const f of c.otherFigures) console.log(`  ${f.figure} (${f.source})`);
      }),
    );
}
