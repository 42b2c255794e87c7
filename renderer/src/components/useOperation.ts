import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '../../../shared/progress';
import { newOperationId, workbench } from '../api';

type FirstProgress = Omit<ProgressEvent, 'operationId'>;

/**
 * Runs one cancellable operation at a time and follows its progress events, for a
 * ProgressBar with a Cancel button.
 */
export function useOperation() {
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      workbench.onProgress((event) => {
        if (event.operationId === current.current) setProgress(event);
      }),
    [],
  );

  const run = useCallback(async <T,>(first: FirstProgress, work: (operationId: string) => Promise<T>): Promise<T> => {
    const operationId = newOperationId();
    current.current = operationId;
    setProgress({ ...first, operationId });
    try {
      return await work(operationId);
    } finally {
      current.current = null;
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => {
    if (current.current) void workbench.operation.cancel({ operationId: current.current });
  }, []);

  return { progress, run, cancel };
}
