import ReactMarkdown from 'react-markdown';

/** Lesson markdown: raw HTML is dropped and unsafe link schemes are removed by react-markdown. */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}
