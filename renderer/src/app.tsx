import { getPlatform } from './platform/platform';
import { DeskApp } from './desk/desk-app';
import { HallApp } from './hall/hall-app';
import { ConsoleApp } from './console/console-app';
import { LockGate } from './lock/lock-gate';

export function App() {
  const role = getPlatform().role;
  if (role === 'hall') return <HallApp />;
  // The hall is never locked: it keeps showing what it shows.
  if (role === 'console')
    return (
      <LockGate>
        <ConsoleApp />
      </LockGate>
    );
  return (
    <LockGate>
      <DeskApp />
    </LockGate>
  );
}
