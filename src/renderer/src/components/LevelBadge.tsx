const KNOWN = ['beginner', 'intermediate', 'advanced', 'scenario'];

export function LevelBadge({ level }: { level: string }) {
  const known = KNOWN.includes(level.toLowerCase()) ? level.toLowerCase() : 'other';
  return <span className={`level-badge level-${known}`}>{level}</span>;
}
