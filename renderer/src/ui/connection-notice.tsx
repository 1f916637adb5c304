import { useConnection } from '../platform/hooks';

/** Shown while the browser-mode host is away; the page reconnects by itself. */
export function ConnectionNotice() {
  const state = useConnection();
  if (state === 'open') return null;
  return (
    <div className="conn-lost" role="status">
      与程序服务的连接已断开，正在重新连接…
    </div>
  );
}
