import { Fragment } from 'react';

/**
 * A file name that may wrap after its dots, underscores and hyphens: in a narrow table column "cassette.png" then
 * wraps as "cassette." / "png" instead of breaking inside a word ("cassette.pn" / "g"). The text is unchanged.
 */
export function FileName({ name }: { readonly name: string }) {
  const parts = name.split(/(?<=[._-])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}
