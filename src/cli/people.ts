import type { Command } from 'commander';
import type { ApiClient, WithApi } from './api.js';
import { printJson, printRecord, printTable } from './format.js';
import { confirmed } from './interact.js';

interface Person {
  id: string;
  fullName: string;
  title: string | null;
  function: string | null;
  seniority: string | null;
  organizationName: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  location: string | null;
  timeZone: string | null;
  howWeKnow: string | null;
  tags: string[];
  introducedBy: { fullName: string } | null;
  keepInTouch: string;
}
interface Org {
  id: string;
  name: string;
  industry: string | null;
  location: string | null;
  website: string | null;
  peopleCount: number;
}
interface List<T> {
  items: T[];
  total: number;
  /** True when the count stopped at its cap: more than `total` match. */
  totalIsCapped?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

async function orgIdFor(call: ApiClient['call'], name?: string) {
  if (!name) return undefined;
  const found = await call<List<Org>>('GET', `/api/organizations?q=${encodeURIComponent(name)}&limit=50`);
  const exact = found.items.find((o) => o.name.toLowerCase() === name.toLowerCase());
  if (exact) return exact.id;
  return (await call<Org>('POST', '/api/organizations', { name })).id;
}

/** `rapport people …` and `rapport orgs …`. */
export function registerPeopleCommands(program: Command, withApi: WithApi): void {
  const people = program.command('people').description('people you know or want to meet');
  people
    .command('add <name>')
    .description('add a person')
    .option('--title <title>')
    .option('--function <function>', 'their line of work, e.g. "Learning design"')
    .option('--seniority <level>', 'intern, entry, staff, senior, lead, manager, director, executive, owner')
    .option('--org <name>', 'organization (created when new)')
    .option('--email <email>')
    .option('--phone <phone>')
    .option('--linkedin <url>')
    .option('--location <place>')
    .option('--time-zone <zone>', 'IANA zone, e.g. Europe/Paris')
    .option('--how <text>', 'how you know them')
    .option('--introduced-by <id>', 'id of the person who introduced you')
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--json', 'print the created person as JSON')
    .action((name: string, o: Record<string, string | string[] | boolean | undefined>) =>
      withApi(async ({ call }) => {
        const organizationId = await orgIdFor(call, o.org as string | undefined);
        const person = await call<Person>('POST', '/api/people', {
          fullName: name,
          title: o.title,
          function: o.function,
          seniority: o.seniority,
          organizationId,
          email: o.email,
          phone: o.phone,
          linkedinUrl: o.linkedin,
          location: o.location,
          timeZone: o.timeZone,
          howWeKnow: o.how,
          introducedById: o.introducedBy,
          tags: o.tag,
        });
        if (o.json) printJson(person);
        else console.log(`Added ${person.fullName} (${person.id}).`);
      }),
    );
  people
    .command('list')
    .description('list people by name')
    .option('-q, --query <text>', 'match name, title, organization or e-mail')
    .option('--tag <tag>')
    .option('--limit <n>', 'how many', '100')
    .option('--json', 'print JSON')
    .action((o: { query?: string; tag?: string; limit: string; json?: boolean }) =>
      withApi(async ({ call }) => {
        const params = new URLSearchParams({ limit: o.limit });
        if (o.query) params.set('q', o.query);
        if (o.tag) params.set('tag', o.tag);
        const list = await call<List<Person>>('GET', `/api/people?${params}`);
        if (o.json) return printJson(list);
        printTable(
          list.items.map((p) => ({ ...p, organization: p.organizationName, tags: p.tags.join(', ') })),
          ['id', 'fullName', 'title', 'organization', 'tags'],
          'No people yet. Add one with: rapport people add "Name" --org "Company"',
        );
        if (list.totalIsCapped)
          console.log(
            `… and more than ${list.total - list.items.length} others (narrow with --query, or use --limit).`,
          );
        else if (list.total > list.items.length)
          console.log(`… ${list.total - list.items.length} more (use --limit).`);
      }),
    );
  people
    .command('show <id>')
    .description('show a person and their timeline')
    .option('--json', 'print JSON')
    .action((id: string, o: { json?: boolean }) =>
      withApi(async ({ call }) => {
        const person = await call<Person>('GET', `/api/people/${encodeURIComponent(id)}`);
        const timeline = await call<{ at: string; title: string }[]>(
          'GET',
          `/api/people/${encodeURIComponent(id)}/timeline`,
        );
        if (o.json) return printJson({ ...person, timeline });
        printRecord([
          ['Name', person.fullName],
          ['Title', person.title],
          ['Function', person.function],
          ['Seniority', person.seniority],
          ['Organization', person.organizationName],
          ['E-mail', person.email],
          ['Phone', person.phone],
          ['LinkedIn', person.linkedinUrl],
          ['Location', person.location],
          ['Time zone', person.timeZone],
          ['How we know', person.howWeKnow],
          ['Introduced by', person.introducedBy?.fullName],
          ['Tags', person.tags],
          ['Keep in touch', person.keepInTouch],
        ]);
        if (timeline.length) {
          console.log('\nTimeline');
          for (const e of timeline) console.log(`  ${e.at.slice(0, 10)}  ${e.title}`);
        }
      }),
    );
  people
    .command('tag <tag> <ids...>')
    .description('add a tag to several people at once (or take it away with --remove)')
    .option('--remove', 'take the tag away instead')
    .action((tag: string, ids: string[], o: { remove?: boolean }) =>
      withApi(async ({ call }) => {
        const change = { action: o.remove ? 'removeTag' : 'addTag', tag };
        const { affected } = await call<{ affected: number }>('POST', '/api/people/bulk', { ids, change });
        console.log(
          o.remove
            ? `Removed "${tag}" from ${affected} of ${ids.length}.`
            : `Tagged ${affected} of ${ids.length} "${tag}".`,
        );
      }),
    );
  people
    .command('delete <ids...>')
    .description('delete people with their notes and messages (asks first)')
    .option('-y, --yes', 'delete without asking (required when input is not a terminal)')
    .action((ids: string[], o: { yes?: boolean }) =>
      withApi(async ({ call }) => {
        const go = await confirmed({
          yes: o.yes,
          question: `Delete ${ids.length} ${ids.length === 1 ? 'person' : 'people'} with their notes and messages? [y/N] `,
          refusal:
            'Nothing was deleted: input is not a terminal, so deleting cannot be confirmed. Run again with --yes.',
          declined: 'Nothing was deleted.',
        });
        if (!go) return;
        const { affected } = await call<{ affected: number }>('POST', '/api/people/bulk', {
          ids,
          change: { action: 'delete' },
        });
        console.log(`Deleted ${affected} ${affected === 1 ? 'person' : 'people'}.`);
      }),
    );

  const orgs = program.command('orgs').description('organizations');
  orgs
    .command('add <name>')
    .description('add an organization')
    .option('--industry <industry>')
    .option('--location <location>')
    .option('--website <url>')
    .option('--json', 'print JSON')
    .action((name: string, o: { industry?: string; location?: string; website?: string; json?: boolean }) =>
      withApi(async ({ call }) => {
        const org = await call<Org>('POST', '/api/organizations', {
          name,
          industry: o.industry,
          location: o.location,
          website: o.website,
        });
        if (o.json) printJson(org);
        else console.log(`Added ${org.name} (${org.id}).`);
      }),
    );
  orgs
    .command('list')
    .description('list organizations')
    .option('-q, --query <text>')
    .option('--json', 'print JSON')
    .action((o: { query?: string; json?: boolean }) =>
      withApi(async ({ call }) => {
        const params = new URLSearchParams({ limit: '500' });
        if (o.query) params.set('q', o.query);
        const list = await call<List<Org>>('GET', `/api/organizations?${params}`);
        if (o.json) return printJson(list);
        printTable(
          list.items.map((x) => ({ ...x, people: x.peopleCount })),
          ['id', 'name', 'industry', 'location', 'people'],
          'No organizations yet. Add one with: rapport orgs add "Name"',
        );
      }),
    );
  orgs
    .command('show <id>')
    .description('show an organization and its timeline')
    .option('--json', 'print JSON')
    .action((id: string, o: { json?: boolean }) =>
      withApi(async ({ call }) => {
        const org = await call<Org>('GET', `/api/organizations/${encodeURIComponent(id)}`);
        const staff = await call<List<Person>>(
          'GET',
          `/api/people?organizationId=${encodeURIComponent(id)}&limit=500`,
        );
        const timeline = await call<{ at: string; title: string }[]>(
          'GET',
          `/api/organizations/${encodeURIComponent(id)}/timeline`,
        );
        if (o.json) return printJson({ ...org, people: staff.items, timeline });
        printRecord([
          ['Name', org.name],
          ['Industry', org.industry],
          ['Location', org.location],
          ['Website', org.website],
          ['People', staff.items.map((p) => p.fullName)],
        ]);
        if (timeline.length) {
          console.log('\nTimeline');
          for (const e of timeline) console.log(`  ${e.at.slice(0, 10)}  ${e.title}`);
        }
      }),
    );
}
