import { parseMarkdown, type Block, type Inline } from '@/lib/collab/markdown';

/**
 * Renders SOP markdown (lib/collab/markdown.ts) as React elements built one
 * by one: text is always a text node, link targets are http(s) only, and no
 * HTML string is ever handed to the DOM.
 */
export function Markdown({ source }: { source: string }): React.JSX.Element {
  return <div className="md">{parseMarkdown(source).map((b, i) => renderBlock(b, i))}</div>;
}

function renderBlock(b: Block, key: number): React.JSX.Element {
  switch (b.t) {
    case 'heading': {
      const H = `h${Math.min(6, b.level + 2)}` as 'h3' | 'h4' | 'h5' | 'h6';
      return <H key={key}>{renderInlines(b.children)}</H>;
    }
    case 'paragraph':
      return <p key={key}>{renderInlines(b.children)}</p>;
    case 'quote':
      return <blockquote key={key}>{renderInlines(b.children)}</blockquote>;
    case 'code':
      return (
        <pre key={key}>
          <code>{b.text}</code>
        </pre>
      );
    case 'list': {
      const items = b.items.map((it, i) => <li key={i}>{renderInlines(it)}</li>);
      return b.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
  }
}

function renderInlines(list: readonly Inline[]): React.ReactNode[] {
  return list.map((n, i) => {
    switch (n.t) {
      case 'text':
        return n.text;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInlines(n.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInlines(n.children)}</em>;
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noreferrer noopener">
            {renderInlines(n.children)}
          </a>
        );
    }
  });
}
