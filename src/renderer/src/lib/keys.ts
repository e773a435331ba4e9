/** Which keys a page acts on, and where it leaves them to the focused element. */

export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement;

/** A control that Enter and Space activate by themselves: the page's keys leave them alone. */
export const isControl = (target: EventTarget | null): boolean =>
  target instanceof HTMLButtonElement ||
  target instanceof HTMLAnchorElement ||
  target instanceof HTMLSelectElement ||
  isTyping(target);

/** Alt+S (by key position, so macOS's Option+S, which types ß, works too). */
export const isSkipKey = (e: KeyboardEvent): boolean => e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyS';
