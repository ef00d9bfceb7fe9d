/**
 * Build-level test: `astro build` on a content folder with mistakes stops before building anything and
 * prints one line per problem naming the file and the field. Uses the fixture folders in
 * `tests/fixtures/content/` (never `content/`), and writes nothing to `dist/`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function build(contentDir: string): { status: number | null; output: string; outDir: string } {
  const outDir = mkdtempSync(path.join(tmpdir(), 'offlabel-build-'));
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    env: { ...process.env, OFFLABEL_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

describe('astro build with bad content', () => {
  it('fails on a wrong value, naming the file, the field path, what was expected and what was found', () => {
    const result = build('tests/fixtures/content/bad-country');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'bad-country/requests/bad-country.mdx › form.foreignApprovals[2].country: expected one of US, UK, DE, FR, CA, AU, got "JP"',
    );
    expect(result.output).toContain('nothing was built');
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  });

  it('fails on a duplicate request number, naming both files', () => {
    const result = build('tests/fixtures/content/duplicates');
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/duplicates\/requests\/fixture-a\.mdx and duplicates\/requests\/fixture-b\.mdx › requestNumber:/);
  });
});
