/**
 * HTML validity of the built site: every page in `dist/` passes the W3C Nu Html Checker (the `vnu-jar`
 * package, run with Java) with zero errors. A failure lists every error as `file:line:column message`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { distDir } from '../support/site.ts';

const dist = path.resolve(distDir);
/** `vnu-jar` exports the path of vnu.jar (as a String object). */
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** Runs the checker over a folder and returns its errors (vnu exits non-zero when it finds any). */
async function validate(dir: string): Promise<VnuMessage[]> {
  const args = ['-jar', vnuJar, '--errors-only', '--format', 'json', '--skip-non-html', dir];
  const output = await promisify(execFile)('java', args, { maxBuffer: 64 * 1024 * 1024 }).then(
    (result) => result.stderr,
    (error: unknown) => {
      const { stderr, message } = error as { stderr?: string; message: string };
      if (!stderr?.trimStart().startsWith('{')) throw new Error(`vnu did not run: ${message}`);
      return stderr;
    },
  );
  return (JSON.parse(output) as { messages: VnuMessage[] }).messages.filter((message) => message.type === 'error' || message.subType === 'fatal');
}

function describeError(message: VnuMessage): string {
  const file = message.url ? path.relative(dist, message.url.replace(/^file:/, '')) : '?';
  return `${file}:${message.lastLine ?? '?'}:${message.firstColumn ?? message.lastColumn ?? '?'} ${message.message}${message.extract ? `  «${message.extract.replace(/\s+/g, ' ')}»` : ''}`;
}

describe('HTML validity', () => {
  it('finds no error in any page of the built site', { timeout: 180_000 }, async () => {
    const errors = await validate(dist);
    expect(errors.map(describeError)).toEqual([]);
  });

  it('reports an invalid page with its file, line and message', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'offlabel-vnu-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html>\n<html lang="en"><head><title>x</title></head>\n<body><h1>x</h1><h3>y</h3></body></html>\n');
    const errors = (await validate(dir)).map((message) => describeError({ ...message, url: message.url?.replace(dir, dist) }));
    expect(errors).toEqual([expect.stringMatching(/^index\.html:3:\d+ The heading “h3”/)]);
  });
});
