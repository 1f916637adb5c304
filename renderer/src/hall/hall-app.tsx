import { useEffect } from 'react';
import './hall.css';

/**
 * The hall screen (大屏). It only ever shows what the services send to the hall role.
 * Until a meeting is running it shows a calm title slide.
 */
export function HallApp() {
  useEffect(() => {
    document.body.classList.add('hall-body');
    return () => document.body.classList.remove('hall-body');
  }, []);
  return (
    <div className="hall" data-testid="hall">
      <div className="hall-slide hall-idle">
        <div className="hall-emblem" aria-hidden="true" />
        <h1 className="hall-title">人大工作评议系统</h1>
      </div>
    </div>
  );
}
