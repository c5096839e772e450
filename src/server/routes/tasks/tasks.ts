import { createRoute, z } from '@hono/zod-openapi';
import { reportBackDueDate } from '../../../domain/after-meeting.js';
import { localDate } from '../../../domain/business-days.js';
import { getSettings } from '../../../services/settings/settings.js';
import { countTasks, createTask, deleteTask, listTasks, updateTask } from '../../../services/tasks/tasks.js';
import { router } from '../../env.js';
import { IdParam, Task, TaskInput, TaskListItem, TaskPatch, TasksQuery } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['Tasks'];

export const taskRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary:
        'Tasks and promises, open ones first by due date, with the names of their person and conversation',
      request: { query: TasksQuery },
      responses: {
        200: {
          ...json(z.array(TaskListItem), 'One page of tasks'),
          headers: { 'X-Total-Count': { description: 'How many tasks match', schema: { type: 'integer' } } },
        },
        ...errors(400),
      },
    }),
    async (c) => {
      const { status, kind, ...query } = c.req.valid('query');
      const filter = { ...c.var.ctx, ...query, state: status, taskKind: kind };
      const [items, total] = await Promise.all([listTasks(filter), countTasks(filter)]);
      return c.json(serialize(items), 200, { 'X-Total-Count': String(total) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Add a task, promise or report-back (a report-back defaults to the configured interval)',
      request: body(TaskInput),
      responses: { 201: json(Task, 'Created'), ...errors(400, 404) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const ctx = c.var.ctx;
      let defaultDueOn: string | undefined;
      if (input.kind === 'report_back') {
        const settings = await getSettings(ctx);
        defaultDueOn = reportBackDueDate(localDate(ctx.now(), settings.timeZone), settings.reportBackDays);
      }
      return c.json(serialize(await createTask({ ...ctx, input, defaultDueOn })), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Edit a task or mark it done',
      request: { params: IdParam, ...body(TaskPatch) },
      responses: { 200: json(Task, 'Updated'), ...errors(400, 404, 409) },
    }),
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      return c.json(
        serialize(await updateTask({ ...c.var.ctx, id: c.req.valid('param').id, version, input })),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Delete a task',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 404) },
    }),
    async (c) => {
      await deleteTask({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
