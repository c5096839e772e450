import { vcardExportUrl } from '../imports/import-api.js';

/**
 * "Export as vCard": a plain download link to the people the list shows (everyone, or the
 * current search), as a .vcf file that Google Contacts, Apple Contacts and Outlook read.
 */
export function ExportVCardLink({ q }: { q?: string }) {
  return (
    <a
      className="button"
      href={vcardExportUrl(q || undefined)}
      download
      title="Download these people as contact cards for Google Contacts, Apple Contacts or Outlook"
    >
      Export as vCard
    </a>
  );
}
