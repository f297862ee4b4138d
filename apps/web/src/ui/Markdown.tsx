import ReactMarkdown, { type Components } from 'react-markdown';

/** The page's own title is its one h1: a lesson that opens with a markdown "# Title" gets a section heading. */
const HEADINGS: Components = { h1: 'h2' };

/** Lesson markdown: raw HTML is dropped and unsafe link schemes are removed by react-markdown. */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose">
      <ReactMarkdown skipHtml components={HEADINGS}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
