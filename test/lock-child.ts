// A process that tries to take a data folder's lock when told, for the lock's tests. It says
// "ready", waits for "go" on stdin, tries, says "held" or "refused", and keeps what it holds until
// stdin closes. Argument: the folder.
import { acquireLock } from '../src/db/lock.js';

const dir = process.argv[2] ?? '';
process.stdin.once('data', () => {
  try {
    acquireLock(dir);
    process.stdout.write('held\n');
    process.stdin.once('end', () => process.exit(0));
    process.stdin.resume();
  } catch {
    process.stdout.write('refused\n');
    process.exit(0);
  }
});
process.stdout.write('ready\n');
