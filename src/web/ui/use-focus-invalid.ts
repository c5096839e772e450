import { useEffect } from 'react';

/**
 * Moves focus to the first invalid field after the form has re-rendered with its errors.
 * Running after commit matters: focusing earlier can hit a field that is still disabled
 * while saving, or not yet marked invalid.
 */
export function useFocusFirstInvalid(problem: unknown): void {
  useEffect(() => {
    if (problem) document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problem]);
}
