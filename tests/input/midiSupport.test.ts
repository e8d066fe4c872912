import { describe, expect, it } from 'vitest';
import { browserFamily, midiFailure, midiUnsupported } from '../../src/input/midiSupport';

const UA = {
  chrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
  safari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  headless:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36',
  ios: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/140.0 Mobile/15E148 Safari/604.1',
} as const;

describe('what to say about MIDI, per browser', () => {
  it.each(Object.entries(UA))('knows %s', (family, ua) => {
    expect(browserFamily(ua)).toBe(family === 'headless' ? 'chrome' : family);
  });

  it('says nothing when Web MIDI is there', () => {
    expect(midiUnsupported(true, true, UA.chrome)).toBeNull();
  });

  it('names Safari and iOS, an insecure page, or another browser without Web MIDI', () => {
    expect(midiUnsupported(false, true, UA.safari)).toBe('safari');
    expect(midiUnsupported(false, false, UA.ios)).toBe('ios');
    expect(midiUnsupported(false, false, UA.chrome)).toBe('insecure');
    expect(midiUnsupported(false, true, UA.chrome)).toBe('browser');
  });

  it('tells a refusal (Chrome: NotAllowedError; Firefox: SecurityError without its add-on) from a failure', () => {
    const denied = (name: string) => Object.assign(new Error('no'), { name });
    expect(midiFailure(denied('NotAllowedError'), UA.chrome)).toEqual({ state: 'denied', browser: 'chrome' });
    expect(midiFailure(denied('SecurityError'), UA.firefox)).toEqual({ state: 'denied', browser: 'firefox' });
    expect(midiFailure(denied('InvalidStateError'), UA.chrome)).toEqual({
      state: 'failed',
      message: 'InvalidStateError: no',
    });
    expect(midiFailure('x'.repeat(500), UA.chrome)).toMatchObject({ state: 'failed' });
  });
});
