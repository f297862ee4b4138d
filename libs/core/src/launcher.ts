/**
 * `npm start` runs the API and the worker detached from the terminal, with an IPC channel
 * to the launcher. When the launcher dies without stopping them (SIGKILL, a crash), the
 * channel closes: they then stop as on SIGTERM, gracefully through Nest's shutdown hooks,
 * instead of living on re-parented to PID 1 and holding their ports. A process started any
 * other way (a container, a process manager) has no channel, and this does nothing.
 */
export function stopWhenLauncherGoes(): void {
  if (!process.connected) return;
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
