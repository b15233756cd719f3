import { describe, expect, it } from 'vitest';
import { changeSincePrevious, type PublishedScore } from './change';

const seg = (key: Record<string, string>, distribution: number[]): PublishedScore => {
  const n = distribution.reduce((a, b) => a + b, 0);
  return { key, n, favourable: ((distribution[3] ?? 0) + (distribution[4] ?? 0)) / n, distribution };
};
const hidden = (key: Record<string, string>): PublishedScore => ({ key, suppressed: true });

describe('changeSincePrevious', () => {
  it('the worked example: shares, not counts, are compared', () => {
    const [c] = changeSincePrevious([seg({}, [0, 1, 1, 4, 2])], [seg({}, [1, 1, 2, 4, 2])]);
    expect(c!.favourable).toBeCloseTo(0.15, 10);
    [-0.1, 0.025, -0.075, 0.1, 0.05].forEach((v, i) => expect(c!.distribution[i]).toBeCloseTo(v, 10));
  });

  it.each([
    ['hidden now', [hidden({ level: 'leader' })], [seg({ level: 'leader' }, [1, 1, 1, 1, 1])]],
    ['hidden then', [seg({ level: 'leader' }, [1, 1, 1, 1, 1])], [hidden({ level: 'leader' })]],
    ['absent then', [seg({ level: 'leader' }, [1, 1, 1, 1, 1])], [seg({ level: 'employee' }, [1, 1, 1, 1, 1])]],
    ['no previous pulse', [seg({}, [1, 1, 1, 1, 1])], undefined],
  ] as const)('no change when the segment is %s', (_l, now, then) => {
    expect(changeSincePrevious([...now], then ? [...then] : undefined)).toEqual([null]);
  });

  it('matches keys whatever the order of their attributes', () => {
    const [c] = changeSincePrevious([seg({ side: 'it', level: 'leader' }, [0, 0, 0, 5, 5])], [seg({ level: 'leader', side: 'it' }, [0, 0, 5, 5, 0])]);
    expect(c!.favourable).toBeCloseTo(0.5, 10);
  });
});
