import { useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../contract';
import { call } from './client';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/**
 * Run a read call and keep its latest result, asking again whenever the input (compared by
 * value) or `refresh` changes. Answers to superseded requests are dropped, so fast typing
 * never shows stale results. A null input means there is nothing to ask yet.
 */
export function useCall<N extends CallName>(
  name: N,
  input: CallInput<N> | null,
  refresh: unknown = 0,
): Loaded<CallOutput<N>> {
  const [state, setState] = useState<{ data?: CallOutput<N>; error?: unknown; loading: boolean }>({
    loading: input !== null,
  });
  const latest = useRef(0);
  const serialized = JSON.stringify(input);

  useEffect(() => {
    const request = ++latest.current;
    const current = JSON.parse(serialized) as CallInput<N> | null;
    if (current === null) return;
    call(name, current).then(
      (data) => request === latest.current && setState({ data, loading: false }),
      (error: unknown) =>
        request === latest.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, [name, serialized, refresh]);

  return {
    data: input === null ? undefined : state.data,
    error: state.error,
    loading: state.loading,
  };
}
