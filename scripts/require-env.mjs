// Fails fast with a clear message when a tier's server is not configured.
const EXAMPLES = {
  TEST_DATABASE_URL: 'TEST_DATABASE_URL=postgres://rapport:rapport@127.0.0.1:5432/rapport npm run test:pg',
  TEST_MAIL_HOST: 'sudo scripts/mail-server.sh, then TEST_MAIL_HOST=127.0.0.1 npm run test:mail',
  DATABASE_URL:
    'createdb rapport_e2e_hosted, then DATABASE_URL=postgres://rapport:rapport@127.0.0.1:5432/rapport_e2e_hosted npm run test:e2e:hosted',
};
const name = process.argv[2];
if (!process.env[name]) {
  console.error(`${name} is not set. Example: ${EXAMPLES[name] ?? `${name}=… npm run …`}`);
  process.exit(1);
}
