import { createRoute } from '@hono/zod-openapi';
import { getSettings, updateSettings } from '../../../services/settings/settings.js';
import { router } from '../../env.js';
import { Settings, SettingsPatch } from '../../schemas.js';
import { body, errors, json } from '../common.js';

const tags = ['Settings'];

export const settingsRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: "The workspace's rules (word limits, business days, intervals) and your time zone",
      responses: { 200: json(Settings, 'Settings') },
    }),
    async (c) => c.json(await getSettings(c.var.ctx), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/',
      tags,
      summary: 'Change settings',
      request: body(SettingsPatch),
      responses: { 200: json(Settings, 'Updated'), ...errors(400) },
    }),
    async (c) => c.json(await updateSettings({ ...c.var.ctx, input: c.req.valid('json') }), 200),
  );
