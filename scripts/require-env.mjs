// Fails fast with a clear message when a tier's database is not configured.
const name = process.argv[2];
if (!process.env[name]) {
  console.error(
    `${name} is not set. Example: ${name}=postgres://rapport:rapport@127.0.0.1:5432/rapport npm run test:pg`,
  );
  process.exit(1);
}
