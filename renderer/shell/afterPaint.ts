/**
 * Run `fn` once the next frame has been painted: for work a gesture causes that the user does not
 * need to see in that frame (telling the host the title, preparing a question). A hidden window
 * gets no animation frames, so a timer runs it anyway after `latestMs`.
 */
export function afterPaint(fn: () => void, latestMs = 250): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
  setTimeout(run, latestMs);
}
