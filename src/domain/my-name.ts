/**
 * The name a new user starts with, until the first screen asks for theirs. On its own, without the
 * settings schema, so the web app's first download does not carry the validation library.
 */
export const DEFAULT_MY_NAME = 'Me';
