/**
 * Readers for the responses a page fetched for itself, keyed by endpoint path
 * (taobao-pages.md, "How the pages get their numbers"). Responses from endpoints not listed
 * here are ignored without a word: the observer forwards everything the page loads.
 * A body that is not what the endpoint should return (an encrypted `data` string, an error
 * envelope, not JSON) is skipped with a warning, never guessed at.
 */
import { emptyRead, type PageResponse, type ReadResult, type ShopIdentity } from '../types';
import { readItemTop } from './item-top';
import { parseJsonBody } from './json';
import { mtopFailure } from './mtop';
import { readOverview } from './overview';
import { readPersonalView } from './personal-view';

interface Endpoint {
  name: string;
  matches: (u: URL) => boolean;
  read: (json: unknown, url: string, today: string | undefined) => ReadResult & { identity?: ShopIdentity | null };
}

const onSycm = (re: RegExp) => (u: URL) => u.hostname === 'sycm.taobao.com' && re.test(u.pathname);

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'getPersonalView',
    matches: onSycm(/^\/custom\/menu\/getPersonalView\.json$/),
    read: (json) => {
      const r = readPersonalView(json);
      return { figures: [], warnings: r.warning ? [r.warning] : [], identity: r.identity };
    },
  },
  { name: 'overview', matches: onSycm(/^\/portal\/coreIndex\/(new\/)?overview(\/v\d+)?\.json$/), read: (j, url, today) => readOverview(j, url, today) },
  { name: 'item top', matches: onSycm(/^\/cc\/item\/view\/top\.json$/), read: (j, url, today) => readItemTop(j, url, { realtime: false, today }) },
  { name: 'item live top', matches: onSycm(/^\/cc\/item\/live\/view\/top\.json$/), read: (j, url, today) => readItemTop(j, url, { realtime: true, today }) },
  {
    name: 'mtop',
    matches: (u) => /(^|\.)h5api\.m\.(taobao|tmall)\.com$/.test(u.hostname) && u.pathname.startsWith('/h5/'),
    read: (json) => {
      const failure = mtopFailure(json);
      return { figures: [], warnings: failure ? [failure] : [] };
    },
  },
];

export interface ResponsesRead extends ReadResult {
  /** Identities in response order (getPersonalView); the caller merges them with the page header. */
  identities: ShopIdentity[];
}

export function readResponses(responses: readonly PageResponse[], pageUrl: string, today?: string): ResponsesRead {
  const out: ResponsesRead = { ...emptyRead(), identities: [] };
  for (const r of responses) {
    let u: URL;
    try {
      u = new URL(r.url, pageUrl);
    } catch {
      continue;
    }
    const endpoint = ENDPOINTS.find((e) => e.matches(u));
    if (!endpoint) continue;
    try {
      const body = parseJsonBody(typeof r.body === 'string' ? r.body : '');
      if (!body.ok) {
        out.warnings.push(`${endpoint.name}: ${body.reason}, skipped`);
        continue;
      }
      const read = endpoint.read(body.json, u.href, today);
      out.figures.push(...read.figures);
      if (read.items?.length) (out.items ??= []).push(...read.items);
      out.warnings.push(...read.warnings);
      if (read.identity) out.identities.push(read.identity);
    } catch (e) {
      out.warnings.push(`${endpoint.name}: reader failed (${e instanceof Error ? e.message : String(e)}), skipped`);
    }
  }
  return out;
}
