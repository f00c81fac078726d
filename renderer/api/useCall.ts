import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../contract';
import { call } from './client';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Run a read call and keep its latest result. `key` says when the input changed; answers
 * to superseded requests are dropped, so fast typing never shows stale results. A null
 * input means there is nothing to ask yet.
 */
export function useCall<N extends CallName>(name: N, input: CallInput<N> | null, key: string): Loaded<CallOutput<N>> {
  const [state, setState] = useState<{ data?: CallOutput<N>; error?: unknown; loading: boolean }>({ loading: true });
  const [version, setVersion] = useState(0);
  const latest = useRef(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    const request = ++latest.current;
    const current = inputRef.current;
    if (current === null) {
      setState({ loading: false });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    call(name, current).then(
      (data) => request === latest.current && setState({ data, loading: false }),
      (error: unknown) => request === latest.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, [name, key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
