// The counter's keyboard shortcuts, in one place: the handlers, the help popover and the clerk's
// guide (docs/guide-clerk.md) all list these. Physical keys, so a Chinese IME does not change them.
export const COUNTER_SHORTCUTS = [
  { id: 'newVisit', keys: 'alt+N', shown: 'Alt + N' },
  { id: 'readCard', keys: 'alt+R', shown: 'Alt + R' },
  { id: 'search', keys: 'alt+S', shown: 'Alt + S / Enter' },
  { id: 'preview', keys: 'alt+V', shown: 'Alt + V' },
  { id: 'print', keys: 'alt+P', shown: 'Alt + P' },
  { id: 'help', keys: 'F1', shown: 'F1' },
] as const;

export type CounterShortcut = (typeof COUNTER_SHORTCUTS)[number]['id'];
