import { describe, expect, it } from 'vitest';
import { testPeer } from '../test/boardKit.ts';
import { SyncAnswers } from './SyncAnswers.ts';

describe('SyncAnswers', () => {
  it('answers one request at a time per peer, then only the latest of those that waited', () => {
    const answered: { peer: string; stateVector: number }[] = [];
    const pending: (() => void)[] = [];
    const answers = new SyncAnswers((peer, stateVector, done) => {
      answered.push({ peer: peer.id, stateVector: stateVector[0]! });
      pending.push(done);
    });
    const a = testPeer('a', 'a');
    const b = testPeer('b', 'b');
    expect(answers.request(a, Uint8Array.of(1))).toBe(true);
    expect(answers.request(b, Uint8Array.of(1))).toBe(true); // another peer is not held
    for (let i = 2; i <= 50; i++) expect(answers.request(a, Uint8Array.of(i))).toBe(false);
    expect(answered).toHaveLength(2);
    pending.shift()!(); // a's first answer has left
    expect(answered.at(-1)).toEqual({ peer: 'a', stateVector: 50 });
    expect(answered).toHaveLength(3);
    pending.shift()!();
    pending.shift()!();
    expect(answered).toHaveLength(3);
    expect(answers.request(a, Uint8Array.of(7))).toBe(true);
  });

  it('forgets a peer that left: its waiting request is dropped', () => {
    const answered: number[] = [];
    let done = () => {};
    const answers = new SyncAnswers((_peer, stateVector, finish) => {
      answered.push(stateVector[0]!);
      done = finish;
    });
    const a = testPeer('a', 'a');
    answers.request(a, Uint8Array.of(1));
    answers.request(a, Uint8Array.of(2));
    answers.forget(a);
    done();
    expect(answered).toEqual([1]);
  });
});
