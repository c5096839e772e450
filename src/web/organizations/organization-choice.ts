import { ApiError, api, call } from '../api.js';

/** The value of the organization select that means "a new organization, named below". */
export const NEW_ORGANIZATION = '__new__';

/**
 * Turns the organization select into an organization id, creating the organization first when
 * the user typed a new name. A name that already exists resolves to that organization. Errors
 * about the name are reported on the `newOrganizationName` field.
 */
export async function resolveOrganizationChoice(choice: string, newName: string): Promise<string | null> {
  if (choice !== NEW_ORGANIZATION) return choice || null;
  try {
    const org = await call(api.organizations.$post({ json: { name: newName } }));
    return org.id;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const { problem } = err;
    const existingId = problem.details?.existingId;
    if (problem.code === 'conflict' && typeof existingId === 'string') return existingId;
    const nameError = problem.fieldErrors.name;
    throw new ApiError({
      ...problem,
      message: nameError ? 'Give the new organization a name.' : problem.message,
      fieldErrors: nameError ? { newOrganizationName: nameError } : problem.fieldErrors,
    });
  }
}
