import type { DeckSummary } from '../../../../shared/types';

/** The question's deck and level; a level its deck does not list shows, marked, until another is chosen. */
export function DeckLevelFields({
  uid,
  decks,
  deckId,
  level,
  onDeck,
  onLevel,
}: {
  uid: string;
  decks: DeckSummary[];
  deckId: number;
  level: string;
  onDeck: (id: number) => void;
  onLevel: (level: string) => void;
}) {
  const deck = decks.find((d) => d.id === deckId);
  const levels = deck ? [...deck.levels] : [];
  // A level the deck does not list (the question moved decks, or the level was renamed).
  const strayLevel = !levels.includes(level);
  if (strayLevel) levels.push(level);
  return (
    <div className="form-cols">
      <label className="field">
        <span className="field-label">Deck</span>
        <select className="input" value={deckId} onChange={(e) => onDeck(Number(e.target.value))}>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <label className="field-label" htmlFor={`${uid}-level`}>
          Level
        </label>
        <select
          id={`${uid}-level`}
          className="input"
          value={level}
          onChange={(e) => onLevel(e.target.value)}
          aria-invalid={strayLevel || undefined}
          aria-describedby={strayLevel ? `${uid}-stray-level` : undefined}
        >
          {levels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        {strayLevel && deck && (
          <span className="error-text small" id={`${uid}-stray-level`}>
            {deck.name} has no level “{level}”: choose one of its levels.
          </span>
        )}
      </div>
    </div>
  );
}
