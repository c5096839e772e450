import { createRoute, z } from '@hono/zod-openapi';
import { createNote, deleteNote, listNotes, updateNote } from '../../../services/conversations/notes.js';
import { router } from '../../env.js';
import { IdParam, Note, NoteInput, NotePatch, NotesQuery } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['Notes'];

export const noteRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Notes about one person, organization or conversation',
      request: { query: NotesQuery },
      responses: { 200: json(z.array(Note), 'Notes, newest first'), ...errors(400) },
    }),
    async (c) => c.json(serialize(await listNotes({ ...c.var.ctx, subject: c.req.valid('query') })), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Add a Markdown note',
      request: body(NoteInput),
      responses: { 201: json(Note, 'Created'), ...errors(400) },
    }),
    async (c) => {
      const { body: text, kind, ...subject } = c.req.valid('json');
      return c.json(serialize(await createNote({ ...c.var.ctx, subject, body: text, kind })), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Edit a note',
      request: { params: IdParam, ...body(NotePatch) },
      responses: { 200: json(Note, 'Updated'), ...errors(400, 404, 409) },
    }),
    async (c) => {
      const note = await updateNote({ ...c.var.ctx, id: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(serialize(note), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Delete a note',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 404) },
    }),
    async (c) => {
      await deleteNote({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
