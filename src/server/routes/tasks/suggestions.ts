import { createRoute } from '@hono/zod-openapi';
import { AppError } from '../../../domain/errors.js';
import { acceptSuggestion, suggestTask } from '../../../services/tasks/suggestions.js';
import { router } from '../../env.js';
import { IdParam, Task, TaskInput } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['Tasks'];

/** A coach's suggested tasks (hosted mode): the coach suggests, the owner accepts or dismisses. */
export const suggestionRoutes = router()
  .openapi(
    createRoute({
      method: 'post',
      path: '/suggestions',
      tags,
      summary: 'Suggest a task to the owner of the workspace you coach',
      request: body(TaskInput),
      responses: { 201: json(Task, 'Suggested'), ...errors(400, 404) },
    }),
    async (c) => {
      const account = c.var.account;
      if (!c.var.coach || !account) {
        throw new AppError('forbidden', {
          userMessage: 'Suggestions come from a coach of this workspace; add the task to your list instead.',
        });
      }
      const task = await suggestTask({
        ...c.var.ctx,
        input: c.req.valid('json'),
        coachName: account.name || account.email,
      });
      return c.json(serialize(task), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/accept',
      tags,
      summary: 'Accept a coach’s suggested task (dismiss one by deleting it)',
      request: { params: IdParam },
      responses: { 204: { description: 'Accepted' }, ...errors(400, 404, 422) },
    }),
    async (c) => {
      await acceptSuggestion({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
