// npm run -s user:create -- --email E --role R [--name N]
// Creates an account for scripted set-up. The password is read from standard input, never from the
// command line (where it would stay in shell history and the process list).
import { parseArgs } from 'node:util';
import { type Role, roles } from '../../db/schema';
import { appendAudit } from '../audit';
import { newPasswordError } from '../routes/auth';
import { createUser, findUserByEmail } from '../users';
import { fail, openFromEnvironment, readStdin } from './open';

const usage =
  'usage: npm run -s user:create -- --email EMAIL --role caseworker|supervisor|admin [--name NAME] < password';

let args: { email?: string; role?: string; name?: string };
try {
  args = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
const { email, role } = args;
if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) fail(`--email: a valid email address is required\n${usage}`);
if (!roles.includes(role as Role)) fail(`--role: must be one of ${roles.join(', ')}\n${usage}`);

const password = (await readStdin()).replace(/\r?\n$/, '');
const problem = newPasswordError(password, password, email);
if (problem) fail(`password (standard input): ${problem.replace('password.', '').replaceAll('_', ' ')}`);

const database = await openFromEnvironment();
try {
  if (await findUserByEmail(database.db, email))
    fail(`--email: a user with this email address already exists`);
  const now = new Date();
  await database.db.transaction(async (tx) => {
    const user = await createUser(tx, {
      email,
      displayName: args.name ?? email.split('@')[0]!,
      role: role as Role,
      password,
      now,
    });
    await appendAudit(tx, {
      actorId: null,
      actorLabel: 'cli',
      action: 'user.created',
      targetType: 'user',
      targetId: user.id,
      detail: { role },
      at: now,
    });
  });
  console.log(`Created ${role} ${email}.`);
} finally {
  await database.close();
}
