// fs-native-extensions ships no types; these are the two calls the data-folder lock uses.
declare module 'fs-native-extensions' {
  interface LockOptions {
    /** A shared (read) lock instead of an exclusive (write) one. */
    shared?: boolean;
  }
  /** Takes a lock on the whole file without waiting; false when another open file holds it. */
  export function tryLock(fd: number, options?: LockOptions): boolean;
  export function unlock(fd: number): void;
}
