import { createRoute, z } from '@hono/zod-openapi';
import { reportBackDueDate } from '../../domain/after-meeting.js';
import { localDate } from '../../domain/business-days.js';
import { getSettings } from '../../services/settings.js';
import { createTask, deleteTask, listTasks, updateTask } from '../../services/tasks.js';
import { router } from '../env.js';
import { IdParam, Task, TaskInput, TaskPatch, TasksQuery } from '../schemas.js';
import { serialize } from '../serialize.js';
import { body, errors, json } from './common.js';

const tags = ['Tasks'];

export const taskRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Tasks and promises, open ones first by due date',
      request: { query: TasksQuery },
      responses: { 200: json(z.array(Task), 'Tasks'), ...errors(400) },
    }),
    async (c) => c.json(serialize(await listTasks({ ...c.var.ctx, ...c.req.valid('query') })), 200),
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
