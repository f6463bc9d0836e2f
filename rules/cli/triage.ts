/**
 * npm run -s triage -- FILE [--today YYYY-MM-DD] [--format json|text] [--locale en|ru]
 * Reads a case file (FILE `-` is standard input), prints its assessment on stdout and exits 0. Invalid JSON,
 * an invalid case file or a usage error exits 2 with one `path: problem` line per fault on stderr.
 * The only place in the rules module, with bench.ts, that reads files or the clock.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../dates';
import { evaluate } from '../evaluate';
import type { Locale } from '../i18n';
import { parseCaseFile } from '../parse';
import { textReport } from './text-report';

const USAGE = 'usage: npm run -s triage -- FILE|- [--today YYYY-MM-DD] [--format json|text] [--locale en|ru]';

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(2);
}

/** Today in the caseworker's own time zone. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function readArgs() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        today: { type: 'string' },
        format: { type: 'string', default: 'json' },
        locale: { type: 'string', default: 'en' },
      },
    });
    if (positionals.length !== 1) fail([USAGE]);
    const today = values.today ?? localToday();
    if (!isIsoDate(today)) fail([`--today: invalid date (expected YYYY-MM-DD)`, USAGE]);
    if (values.format !== 'json' && values.format !== 'text') fail(['--format: must be json or text', USAGE]);
    if (values.locale !== 'en' && values.locale !== 'ru') fail(['--locale: must be en or ru', USAGE]);
    return { file: positionals[0]!, today, format: values.format, locale: values.locale as Locale };
  } catch (error) {
    fail([(error as Error).message, USAGE]);
  }
}

function main(): void {
  const { file, today, format, locale } = readArgs();
  let raw: string;
  try {
    raw = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    fail([`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    fail([`(root): invalid JSON (${(error as Error).message})`]);
  }
  const parsed = parseCaseFile(json);
  if (!parsed.ok) fail(parsed.errors.map((e) => `${e.path}: ${e.message}`));

  const assessment = evaluate(parsed.value, today, { locale });
  process.stdout.write(
    format === 'text'
      ? textReport(assessment, parsed.value, locale)
      : `${JSON.stringify(assessment, null, 2)}\n`,
  );
}

main();
