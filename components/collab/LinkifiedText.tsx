import { splitLinks } from '@/lib/collab/links';

/**
 * Comment text as React text nodes, with http(s) URLs as links (opened in a
 * new tab, no referrer). Never HTML: markup in a comment shows as characters.
 */
export function LinkifiedText({ text }: { text: string }): React.JSX.Element {
  return (
    <>
      {splitLinks(text).map((seg, i) =>
        seg.kind === 'link' ? (
          <a key={i} href={seg.href} target="_blank" rel="noreferrer noopener">
            {seg.text}
          </a>
        ) : (
          <span key={i}>{seg.text}</span>
        ),
      )}
    </>
  );
}
