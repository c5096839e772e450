/**
 * The largest import file accepted. LinkedIn's export of 30,000 connections (its maximum) is
 * about 4 MB, so 20 MB leaves room for long positions and company names.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
