import { createEmptyCard, fsrs, TypeConvert, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Grade } from '../../shared/session-types';

const scheduler = fsrs({ enable_fuzz: false });

/**
 * Spaced repetition (FSRS): a self-grade of Missed/Partial/Good/Nailed is Again/Hard/Good/Easy.
 * Takes and returns the card as JSON text, so the store keeps it opaque.
 */
export function reviewCard(cardJson: string | null, grade: Grade, now: number): { card: string; due: number } {
  const card: Card = cardJson ? TypeConvert.card(JSON.parse(cardJson) as Card) : createEmptyCard(new Date(now));
  const next = scheduler.next(card, new Date(now), grade as FsrsGrade).card;
  return { card: JSON.stringify(next), due: next.due.getTime() };
}
