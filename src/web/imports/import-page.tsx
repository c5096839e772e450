import { Link, useParams } from 'react-router';
import { PageHeader } from '../ui/page-header.js';
import { vcardExportUrl } from './import-api.js';
import { ImportFlow, type ImportFormatInfo } from './import-flow.js';
import './import.css';

const FORMATS: Record<string, ImportFormatInfo> = {
  linkedin: {
    format: 'linkedin',
    title: 'Import from LinkedIn',
    subtitle:
      'Bring in the people you are already connected with. You see what will change before anything is saved.',
    fileHeading: 'Your connections file',
    fileLabel: 'Connections.csv',
    fileHint: 'The file from LinkedIn’s export, at most 20 MB.',
    accept: '.csv,text/csv',
    instructions: (
      <ol className="steps">
        <li>
          On LinkedIn, open <em>Settings &amp; Privacy</em>, then <em>Data privacy</em>, then{' '}
          <em>Get a copy of your data</em>.
        </li>
        <li>Pick “Connections” and request the archive. LinkedIn e-mails you when it is ready.</li>
        <li>Download and unzip the archive, then choose the Connections.csv file inside it here.</li>
      </ol>
    ),
    tooLarge: 'LinkedIn’s Connections.csv is only a few MB: check that you chose Connections.csv.',
    done: 'Your LinkedIn connections are in.',
  },
  vcard: {
    format: 'vcard',
    title: 'Import contacts (vCard)',
    subtitle:
      'Bring in people from Google Contacts, Apple Contacts or Outlook. You see what will change before anything is saved.',
    fileHeading: 'Your contacts file',
    fileLabel: 'Contacts file (.vcf)',
    fileHint: 'vCard 2.1, 3.0 or 4.0, at most 20 MB. Photos and birthdays are left out.',
    accept: '.vcf,.vcard,text/vcard,text/x-vcard',
    instructions: (
      <ul className="steps">
        <li>
          <strong>Google Contacts:</strong> select the contacts (or none for all), then <em>Export</em>, then{' '}
          <em>vCard (for iOS Contacts)</em>.
        </li>
        <li>
          <strong>Apple Contacts:</strong> select the contacts, then <em>File</em>, <em>Export</em>,{' '}
          <em>Export vCard…</em>
        </li>
        <li>
          <strong>Outlook:</strong> open a contact and choose <em>File</em>, <em>Save As</em>, “vCard files”.
          For many contacts at once, export them as CSV and use the CSV import.
        </li>
      </ul>
    ),
    tooLarge: 'Photos make contact files big: export your contacts without photos, or in smaller groups.',
    done: 'Your contacts are in.',
  },
  csv: {
    format: 'csv',
    title: 'Import from a CSV file',
    subtitle:
      'Bring in people from any spreadsheet or program that saves CSV. You match its columns, see a preview, then confirm.',
    fileHeading: 'Your CSV file',
    fileLabel: 'CSV file',
    fileHint: 'Comma, semicolon or tab separated, with the column names on the first line; at most 20 MB.',
    accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values',
    instructions: (
      <p>
        In Excel, Numbers or Google Sheets choose <em>Save As</em> or <em>Download</em>, then “CSV UTF-8” (or
        “Comma-separated values”). Each row should be one person.
      </p>
    ),
    tooLarge: 'Split the file into smaller ones and import them one after the other.',
    done: 'Your people are in.',
  },
};

/** The choices of the import hub, in the order people most often have their contacts. */
const CHOICES: { to: string; name: string; description: string }[] = [
  {
    to: '/import/linkedin',
    name: 'LinkedIn connections',
    description: 'Connections.csv from LinkedIn’s data export: names, positions, organizations, profiles.',
  },
  {
    to: '/import/vcard',
    name: 'Contacts (vCard)',
    description: 'A .vcf file from Google Contacts, Apple Contacts, Outlook or your phone.',
  },
  {
    to: '/import/csv',
    name: 'Any CSV file',
    description: 'A spreadsheet or another program’s export: you choose which column holds what.',
  },
];

/** Import hub (/import): pick where the people come from. */
function ImportHub() {
  return (
    <>
      <PageHeader
        title="Import people"
        eyebrow={<Link to="/people">People</Link>}
        subtitle="Bring in the people you already know. Every import shows a preview first, and importing the same people again never makes duplicates."
      />
      <ul className="import-choices">
        {CHOICES.map((c) => (
          <li key={c.to} className="card">
            <h2>
              <Link to={c.to}>{c.name}</Link>
            </h2>
            <p className="muted">{c.description}</p>
          </li>
        ))}
      </ul>
      <p className="muted small">
        Going the other way? <a href={vcardExportUrl()}>Export everyone as a vCard file</a> for Google
        Contacts, Apple Contacts or Outlook.
      </p>
    </>
  );
}

/** /import and /import/:format (linkedin, vcard, csv). */
export function ImportPage() {
  const { format } = useParams();
  if (!format) return <ImportHub />;
  const info = FORMATS[format];
  if (!info) {
    return (
      <>
        <PageHeader title="Import people" eyebrow={<Link to="/import">Import</Link>} />
        <p>
          There is no import for “{format}”. <Link to="/import">Choose LinkedIn, vCard or CSV</Link>.
        </p>
      </>
    );
  }
  // A new key per format starts each flow afresh when the user switches between them.
  return <ImportFlow key={info.format} info={info} />;
}
