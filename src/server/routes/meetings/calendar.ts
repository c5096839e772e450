import { createRoute, z } from '@hono/zod-openapi';
import {
  calendarFeedIcs,
  createCalendarFeed,
  listCalendarFeeds,
  meetingIcs,
  revokeCalendarFeed,
} from '../../../services/meetings/calendar.js';
import { router } from '../../env.js';
import { IdParam } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { errors, json } from '../common.js';

const tags = ['Calendar'];
const ics = (description: string) => ({
  content: { 'text/calendar': { schema: z.string() } },
  description,
});
const Feed = z
  .object({ id: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })
  .openapi('CalendarFeed');

export const calendarRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/meetings/{id}',
      tags,
      summary: "A conversation's meeting as an .ics file with a reminder",
      request: { params: IdParam },
      responses: { 200: ics('iCalendar file'), ...errors(400, 404) },
    }),
    async (c) => {
      const { fileName, ics: text } = await meetingIcs({
        ...c.var.ctx,
        conversationId: c.req.valid('param').id,
      });
      return c.body(text, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="${fileName}"`,
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/feeds',
      tags,
      summary: 'Calendar feeds (their secret links are shown only when created)',
      responses: { 200: json(z.array(Feed), 'Feeds') },
    }),
    async (c) => c.json(serialize(await listCalendarFeeds(c.var.ctx)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/feeds',
      tags,
      summary: 'Create a subscribable feed of meetings and due reminders',
      responses: {
        201: json(
          z.object({ id: z.string(), token: z.string(), path: z.string(), createdAt: z.string() }),
          'Created',
        ),
      },
    }),
    async (c) => {
      const feed = await createCalendarFeed(c.var.ctx);
      return c.json(serialize({ ...feed, path: `/api/calendar/feed/${feed.token}.ics` }), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/feeds/{id}',
      tags,
      summary: 'Revoke a feed; its link stops working',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...errors(400, 404) },
    }),
    async (c) => {
      await revokeCalendarFeed({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/feed/{file}',
      tags,
      summary: 'The feed itself, for calendar programs (the token is the secret)',
      request: {
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/, 'is not a feed link') }),
      },
      responses: { 200: ics('iCalendar feed'), ...errors(400, 404) },
    }),
    async (c) => {
      const token = c.req.valid('param').file.replace(/\.ics$/, '');
      const text = await calendarFeedIcs({ ...c.var.ctx, token });
      return c.body(text, 200, { 'content-type': 'text/calendar; charset=utf-8' });
    },
  );
