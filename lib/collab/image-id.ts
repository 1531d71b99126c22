/**
 * Taobao image URLs (img.alicdn.com/imgextra/i1/<seller>/O1CN01…_!!<seller>.jpg) carry
 * the picture's ID in the file name; thumbnails append a size suffix
 * (`…jpg_80x80.jpg`, `…jpg_q90.jpg_.webp`). The ID ties the 商品管理 thumbnail, the
 * edit page slot and the picture space to the same picture without fetching it.
 * Zod-free: content scripts import this.
 */

/** `O1CN01aa` from an alicdn URL, or the older `TB1…` IDs; null when the URL carries none. */
export function parseImageId(url: string): string | null {
  const file = fileName(url);
  if (!file) return null;
  const m = /^((?:O1CN|TB)[0-9A-Za-z]{2,60})(?=_!!|[._-]|$)/.exec(file);
  return m?.[1] ?? null;
}

/** The full-size URL: protocol made explicit (https), size/quality/format suffixes removed. */
export function normalizeImageUrl(url: string): string {
  let u = url.trim();
  if (u.startsWith('//')) u = `https:${u}`;
  // Repeated suffixes: `.jpg_80x80.jpg`, `.jpg_q90.jpg_.webp`, `.png_400x400q90.jpg`.
  for (let i = 0; i < 4; i++) {
    const next = u.replace(/(\.(?:jpe?g|png|gif|webp))_[0-9a-z.]*?(?:\.(?:jpe?g|png|gif|webp))?_?(?:\.webp)?$/i, '$1');
    if (next === u) break;
    u = next;
  }
  return u;
}

/** Same picture: same image ID when both have one, else the same normalised URL. */
export function sameImage(a: { imageId: string | null; imageUrl: string }, b: { imageId: string | null; imageUrl: string }): boolean {
  if (a.imageId && b.imageId) return a.imageId === b.imageId;
  return normalizeImageUrl(a.imageUrl) === normalizeImageUrl(b.imageUrl);
}

function fileName(url: string): string | null {
  const path = url.split(/[?#]/)[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last || null;
}
