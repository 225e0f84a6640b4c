/** The Metrics tab's axis and readout formats, and the chart click → timeline frame mapping. */
import { describe, expect, it } from 'vitest';
import { formatTime, formatValue } from '../../../renderer/observe/chart';
import { frameAtTime } from '../../../renderer/observe/query';
import type { SessionFrame } from '../../../shared/simulation/session';

describe('metrics chart formats', () => {
  it('values in kubectl top\'s units (m, Mi) and the charts\' (/s, %, ms); gaps as a dash', () => {
    expect([formatValue('cpu', 48.4), formatValue('memory', 45 * 1048576 + 10), formatValue('rate', 13.333), formatValue('errorRate', 33.33), formatValue('latency', 7.6), formatValue('cpu', null)]).toEqual(['48m', '45Mi', '13.3/s', '33.3%', '8 ms', '–']);
    expect([formatTime(0), formatTime(65), formatTime(600)]).toEqual(['0:00', '1:05', '10:00']);
  });

  it('a time on the chart goes to the last frame at or before it (times past the run: the last frame)', () => {
    const frames = [0, 0, 1, 5, 5, 9].map((time, seq) => ({ seq, time }) as SessionFrame);
    expect([frameAtTime(frames, 0), frameAtTime(frames, 3), frameAtTime(frames, 5), frameAtTime(frames, 100)]).toEqual([1, 2, 4, 5]);
  });
});
