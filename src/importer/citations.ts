/**
 * Reading one citation as the forms print it: `Author. Title. Journal 2002;8:123. (文献 4) 35 頁
 * (<https://…>)`. The body's reference number (文献 N), the pages after it and a printed address are
 * split off; everything else is kept exactly as written.
 */
import type { Citation } from '../schemas/form.ts';
import { takeAutolink } from './text-tools.ts';

/** `(文献 4)` / `（文献4）`, the body's reference number. */
const REF_MARKER = /[(（]\s*文献\s*(\d+)\s*[)）]/gu;

/** Splits a citation's text into the citation, its reference number, the location cited and an address. */
export function parseCitationText(text: string): Citation {
  const markers = [...text.matchAll(REF_MARKER)];
  const marker = markers.at(-1);
  let body = text;
  let tail = '';
  let refNo: number | undefined;
  if (marker) {
    body = text.slice(0, marker.index);
    tail = text.slice(marker.index + marker[0].length);
    const number = Number(marker[1]);
    if (Number.isInteger(number) && number > 0) refNo = number;
  }
  const fromTail = takeAutolink(tail);
  const fromBody = fromTail.url === undefined ? takeAutolink(body) : { rest: body };
  const citation: Citation = { citation: fromBody.rest.trim() === '' ? text.trim() : fromBody.rest.trim() };
  if (refNo !== undefined) citation.refNo = refNo;
  const location = fromTail.rest.trim();
  if (location !== '') citation.location = location;
  const url = fromTail.url ?? fromBody.url;
  if (url !== undefined) citation.url = url;
  return citation;
}
