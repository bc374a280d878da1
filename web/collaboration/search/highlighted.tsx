import { Mark } from '@mantine/core';
import { highlightParts } from '../../../domain/collaboration/search';

/**
 * A search highlight from the API (escaped text with <mark>) as React text and <mark>
 * elements: it is parsed, never inserted as HTML, so no other markup can get through.
 */
export function Highlighted({ html }: { html: string }) {
  return (
    <>
      {highlightParts(html).map((part, i) => (part.mark ? <Mark key={i} color="yellow">{part.text}</Mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
