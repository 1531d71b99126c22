/** Query parameters of a URL, from its search and from a `#/route?x=y` hash route. */
export function urlParams(url: string): URLSearchParams {
  try {
    const u = new URL(url);
    const out = new URLSearchParams(u.search);
    const q = u.hash.indexOf('?');
    if (q >= 0) for (const [k, v] of new URLSearchParams(u.hash.slice(q + 1))) if (!out.has(k)) out.set(k, v);
    return out;
  } catch {
    return new URLSearchParams();
  }
}
