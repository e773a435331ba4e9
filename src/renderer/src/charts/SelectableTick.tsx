import type { KeyboardEvent } from 'react';
import type { BaseTickContentProps } from 'recharts';

/** Labels longer than this are cut with an ellipsis on the axis; the full name is the button's name. */
const MAX_CHARS = 22;

/**
 * An axis label that opens what is behind it (a level, a keyword): the label is a button, reached
 * with Tab and pressed with Enter or Space, so the answers behind a bar are not only one small bar
 * away from a mouse.
 */
export function SelectableTick({
  x,
  y,
  payload,
  textAnchor,
  axis,
  describe,
  onSelect,
}: BaseTickContentProps & {
  axis: 'x' | 'y';
  /** The button's name: what pressing it opens. */
  describe: (label: string) => string;
  onSelect: (label: string) => void;
}) {
  const label = String(payload.value);
  const shown = label.length > MAX_CHARS ? `${label.slice(0, MAX_CHARS - 1)}…` : label;
  // The name holds the visible text too (a cut label is not a part of the full one), so speech
  // input can press what it sees.
  const name = shown === label ? describe(label) : `${shown} ${describe(label)}`;
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelect(label);
  };
  return (
    <g
      className="tick-button"
      transform={`translate(${x},${y})`}
      role="button"
      tabIndex={0}
      aria-label={name}
      onClick={() => onSelect(label)}
      onKeyDown={onKeyDown}
    >
      <title>{describe(label)}</title>
      <text
        className="recharts-cartesian-axis-tick-value"
        x={axis === 'y' ? -6 : 0}
        y={0}
        dy={axis === 'y' ? 4 : 14}
        textAnchor={textAnchor}
      >
        {shown}
      </text>
    </g>
  );
}
