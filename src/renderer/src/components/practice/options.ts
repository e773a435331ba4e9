import type { SessionConfig, SessionOrder } from '../../../../shared/session-types';
import type { RadioOption } from '../RadioGroup';

/** The choices of the session form, each with the hint shown under it. */
export const ORDERS: Array<RadioOption<SessionOrder>> = [
  {
    value: 'escalating',
    label: 'Escalating',
    hint: 'Easiest level first, up to the hardest, as a real interview goes.',
  },
  { value: 'random', label: 'Random', hint: 'Any order.' },
  {
    value: 'weakest',
    label: 'Weakest first',
    hint: 'Your lowest past scores first; questions you have not seen count as weak.',
  },
  {
    value: 'due',
    label: 'Due first',
    hint: 'What spaced repetition says you are about to forget, most overdue first.',
  },
];

export const MODES: Array<RadioOption<SessionConfig['mode']>> = [
  { value: 'write', label: 'Write', hint: 'Type your answer; it is scored against the keywords.' },
  { value: 'speak', label: 'Speak', hint: 'Answer aloud, then tick the keywords you said.' },
];

export const ON_TIMEOUT: Array<RadioOption<SessionConfig['onTimeout']>> = [
  {
    value: 'lock',
    label: 'Lock & reveal',
    hint: 'At 0:00 your answer is locked as it stands and the model answer shown.',
  },
  {
    value: 'overtime',
    label: 'Allow overtime',
    hint: 'The clock runs on past 0:00; the extra time is recorded as overtime.',
  },
];
