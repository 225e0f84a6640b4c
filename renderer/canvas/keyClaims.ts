/**
 * Space pans the canvas unless a command bound to Space in the current mode claims it (a lesson's
 * Next). The command layer says which keys it claims (commands/useKeyboardShortcuts.ts), so the
 * canvas never imports the commands.
 */
let claims: (e: KeyboardEvent) => boolean = () => false;

export function setKeyClaims(fn: (e: KeyboardEvent) => boolean): void {
  claims = fn;
}

export const keyClaimed = (e: KeyboardEvent): boolean => claims(e);
