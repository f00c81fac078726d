import { t } from '../i18n/intl';
import {
  HearthError,
  isErrorBody,
  type CallInput,
  type CallName,
  type CallOutput,
  type CallResult,
  type HearthBridge,
  WORDS,
  say,
} from '../../contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    hearth?: HearthBridge;
  }
}

const SECRET_KEY = 'hearth.launch-secret';

/**
 * Browser mode: the launch URL carries the per-launch secret in its fragment. Keep it for
 * this tab only and take it out of the address bar, so it is not bookmarked or shared.
 */
function takeLaunchSecret(): string | null {
  const match = /(?:^#|&)k=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(SECRET_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(SECRET_KEY);
}

function loopbackBridge(): HearthBridge {
  const secret = takeLaunchSecret();
  return {
    async call(name, input) {
      const request = JSON.stringify({ name, input });
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret ?? ''}` },
        body: request,
        // A call made as the page goes away (a draft saved on reload) still reaches the core;
        // browsers allow this only for small bodies.
        keepalive: request.length < 60_000,
      });
      const body = (await response.json()) as { ok?: unknown; error?: unknown };
      if (body.ok === false && isErrorBody(body.error)) return { ok: false, error: body.error };
      if (body.ok === true) return body as CallResult<never>;
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: t({ defaultMessage: 'Hearth sent an answer it could not read.', id: 'gXX9tu' }),
        },
      };
    },
  };
}

const bridge: HearthBridge = window.hearth ?? loopbackBridge();

/** Call the core. Resolves with the typed output or throws a HearthError with a stable code. */
export async function call<N extends CallName>(
  name: N,
  input: CallInput<N>,
): Promise<CallOutput<N>> {
  let result: CallResult<CallOutput<N>>;
  try {
    result = await bridge.call(name, input);
  } catch {
    throw new HearthError('INTERNAL', say(WORDS.serviceNotAnswering));
  }
  if (!result.ok) throw HearthError.fromBody(result.error);
  return result.value;
}

// Where the screens have always found it; the console, which has no core, imports it from i18n.
export { errorMessage } from '../i18n/said';
