import { getPlatform } from './platform/platform';
import { DeskApp } from './desk/desk-app';
import { HallApp } from './hall/hall-app';
import { ConsoleApp } from './console/console-app';

export function App() {
  const role = getPlatform().role;
  if (role === 'hall') return <HallApp />;
  if (role === 'console') return <ConsoleApp />;
  return <DeskApp />;
}
