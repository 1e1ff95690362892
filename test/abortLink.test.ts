import { getEventListeners } from 'node:events';
import { linkAbort } from '../src/abortLink.js';

describe('linkAbort', () => {
  test('follows the caller\'s abort with its reason', () => {
    const outer = new AbortController();
    const link = linkAbort(outer.signal);
    expect(link.signal.aborted).toBe(false);
    const reason = new Error('stop');
    outer.abort(reason);
    expect(link.signal.aborted).toBe(true);
    expect(link.signal.reason).toBe(reason);
    link.dispose();
    expect(link.signal.reason).toBe(reason);
  });

  test('starts aborted when the caller\'s signal already is, adding no listener', () => {
    const reason = new Error('already');
    const outer = AbortSignal.abort(reason);
    const link = linkAbort(outer);
    expect(link.signal.reason).toBe(reason);
    expect(getEventListeners(outer, 'abort')).toHaveLength(0);
  });

  test('dispose takes its listener off the caller\'s signal and aborts what is still in flight', () => {
    const outer = new AbortController();
    const link = linkAbort(outer.signal);
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(1);
    link.dispose();
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(0);
    expect(link.signal.aborted).toBe(true);
    expect((link.signal.reason as Error).message).toBe('The wait has ended.');
    outer.abort(new Error('later'));
    expect((link.signal.reason as Error).message).toBe('The wait has ended.');
  });

  test('works without a caller signal', () => {
    const link = linkAbort();
    expect(link.signal.aborted).toBe(false);
    link.dispose();
    expect(link.signal.aborted).toBe(true);
  });
});
