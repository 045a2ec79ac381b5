import { splitInlineCode } from '../lib/rich-text';

/** A core message with its `backticked` commands and paths shown as code. */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {splitInlineCode(text).map((run, index) =>
        run.code ? <code key={index}>{run.text}</code> : <span key={index}>{run.text}</span>,
      )}
    </>
  );
}
