import { prng } from '../../../lib/forecast/prng';

/** Seeded random numbers (lib/forecast/prng.ts): the same seed replays the same run. */
export const rngFrom = (seed: number): (() => number) => prng(seed).next;

export interface Network {
  offline: boolean;
  /** Probability that a push is committed but its answer is lost. */
  dropAnswer: number;
  /** Probability that a push is delivered twice. */
  duplicate: number;
  /** Probability that an earlier push is delivered again after this one (reordering). */
  replayOld: number;
  stats: { dropped: number; duplicated: number; replayed: number; refusedOffline: number };
}

export function network(): Network {
  return { offline: false, dropAnswer: 0, duplicate: 0, replayOld: 0, stats: { dropped: 0, duplicated: 0, replayed: 0, refusedOffline: 0 } };
}

/**
 * Wraps the adapter's fetch with the faults of a flaky connection: offline
 * (nothing reaches the server), lost answers (the server committed), duplicated
 * deliveries and old pushes delivered again out of order.
 */
export function faultyFetch(net: Network, rng: () => number): (f: typeof fetch) => typeof fetch {
  const sent: { url: string; init: RequestInit }[] = [];
  return (f) => async (input, init) => {
    if (net.offline) {
      net.stats.refusedOffline += 1;
      throw new TypeError('Failed to fetch');
    }
    const url = String(input instanceof Request ? input.url : input);
    const isPush = url.includes('/rpc/push_changes');
    if (!isPush) return f(input, init);
    const res = await f(input, init);
    if (init) sent.push({ url, init });
    if (rng() < net.duplicate) {
      net.stats.duplicated += 1;
      await f(url, init);
    }
    if (sent.length > 1 && rng() < net.replayOld) {
      net.stats.replayed += 1;
      const old = sent[Math.floor(rng() * (sent.length - 1))]!;
      await f(old.url, old.init);
    }
    if (rng() < net.dropAnswer) {
      net.stats.dropped += 1;
      throw new TypeError('Failed to fetch');
    }
    return res;
  };
}
