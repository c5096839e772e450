import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
  type ToolAnnotations,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { McpApi } from './api.js';

/** One MCP tool: its zod input schema, what it does in words, and how it calls the API. */
export interface ToolDef<S extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: S;
  annotations: Required<Pick<ToolAnnotations, 'readOnlyHint'>> & ToolAnnotations;
  run: (api: McpApi, args: z.output<S>) => Promise<unknown>;
}

/** Keeps each tool's argument types checked against its schema. */
export function defineTool<S extends z.ZodObject>(def: ToolDef<S>): ToolDef {
  return def as unknown as ToolDef;
}

/** Annotations: every tool works on the user's own workspace only (a closed world). */
export const READS = { readOnlyHint: true, openWorldHint: false } as const;
export const ADDS = { readOnlyHint: false, destructiveHint: false, openWorldHint: false } as const;
export const REPLACES = { readOnlyHint: false, destructiveHint: true, openWorldHint: false } as const;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

type Issue = z.core.$ZodIssue;

/** One zod issue as a sentence that names the argument and says what it should be. */
function describe(issue: Issue, input: unknown): string {
  const name = issue.path.map(String).join('.');
  const arg = name ? `"${name}"` : 'The arguments';
  const missing = name && issue.code !== 'unrecognized_keys' && valueAt(input, issue.path) === undefined;
  if (missing) {
    const choices = issue.code === 'invalid_value' ? ` (one of: ${issue.values.map(String).join(', ')})` : '';
    return `${arg} is missing${choices}.`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `${arg} must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}.`;
    case 'invalid_value':
      return `${arg} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') {
        return `${arg} must be an id (a UUID such as those search and the get_ tools return).`;
      }
      if (issue.format === 'datetime') {
        return `${arg} must be a date and time with its offset, like 2026-12-01T14:30:00+01:00.`;
      }
      if (issue.format === 'date') return `${arg} must be a date like 2026-12-01.`;
      return `${arg} is not a valid ${issue.format}.`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return `${arg} is empty.`;
      return `${`${arg} must have at least ${issue.minimum} ${issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'characters' : ''}`.trimEnd()}.`;
    case 'too_big':
      return `${`${arg} must have at most ${issue.maximum} ${issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'characters' : ''}`.trimEnd()}.`;
    case 'unrecognized_keys':
      return `Unknown argument${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${name ? ` in ${arg}` : ''}.`;
    default:
      return `${arg}: ${issue.message}.`;
  }
}

/** The text of a tool error about bad arguments: every problem, then what the tool takes. */
export function argumentProblems(tool: ToolDef, error: z.ZodError, input: unknown): string {
  const problems = [...new Set(error.issues.map((i) => describe(i, input)))];
  const takes = Object.keys(tool.input.shape);
  return [
    `${tool.name} was called with arguments that need fixing: ${problems.join(' ')}`,
    takes.length ? `It takes: ${takes.join(', ')}.` : 'It takes no arguments.',
  ].join(' ');
}

function error(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/** The JSON schema an assistant sees for a tool's arguments. */
function inputJsonSchema(tool: ToolDef) {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(tool.input, {
    io: 'input',
    unrepresentable: 'any',
  });
  return schema as { type: 'object'; [key: string]: unknown };
}

/**
 * Serves the tools on an MCP server. Arguments are validated here with each tool's zod schema, so
 * bad input comes back as a tool error naming each argument and what it should be; anything the
 * API refuses comes back as a tool error with the API's own sentence. Never a stack trace.
 */
export function installTools(server: Server, api: McpApi, tools: ToolDef[]): void {
  const byName = new Map(tools.map((t) => [t.name, t]));
  const trusted = new WeakSet<object>();
  const guarded = trustingApi(api, trusted);
  server.registerCapabilities({ tools: {} });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: inputJsonSchema(t),
      annotations: { title: t.title, ...t.annotations },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const tool = byName.get(request.params.name);
    if (!tool) {
      return error(
        `There is no tool "${request.params.name}". The tools are: ${tools.map((t) => t.name).join(', ')}.`,
      );
    }
    const input = request.params.arguments ?? {};
    const parsed = tool.input.safeParse(input);
    if (!parsed.success) return error(argumentProblems(tool, parsed.error, input));
    try {
      const result = await tool.run(guarded, parsed.data);
      return { content: [{ type: 'text', text: JSON.stringify(result ?? { done: true }, null, 2) }] };
    } catch (err) {
      return error(toolFailure(err, trusted));
    }
  });
}

/** A problem a tool found in its own arguments, told to the assistant as it is. */
export class ToolProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolProblem';
  }
}

/** Errors whose message is meant for the user: the API's refusals and the tools' own problems. */
function trustingApi(api: McpApi, trusted: WeakSet<object>): McpApi {
  return {
    call: async <T>(method: string, path: string, body?: unknown) => {
      try {
        return await api.call<T>(method, path, body);
      } catch (err) {
        if (err instanceof Error) trusted.add(err);
        throw err;
      }
    },
  };
}

/** What a failed call says: the API's sentence, or a plain apology without internals. */
function toolFailure(err: unknown, trusted: WeakSet<object>): string {
  if (err instanceof Error && (trusted.has(err) || err instanceof ToolProblem) && err.message) {
    return err.message;
  }
  // Never shown to the assistant; the operator may read it on standard error.
  console.error(`rapport mcp: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
  return 'Something went wrong in Rapport; nothing was changed. Please try again.';
}
