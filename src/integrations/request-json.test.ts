import { describe, expect, it } from 'vitest';
import { requestJsonFile } from './request-json.ts';
import { toExportRecord } from '../lib/exports.ts';
import { realRequest } from '../../tests/support/records.ts';

describe('requestJsonFile', () => {
  it('writes a request as its export record, pretty-printed, at /requests/<id>.json', () => {
    const request = realRequest();
    const site = new URL('https://example.org');
    const file = requestJsonFile(request, site);
    expect(file.path).toBe('/requests/basiliximab-liver-transplant.json');
    expect(JSON.parse(file.text)).toEqual(JSON.parse(JSON.stringify(toExportRecord(request, site))));
    expect(file.text.endsWith('}\n')).toBe(true);
  });
});
