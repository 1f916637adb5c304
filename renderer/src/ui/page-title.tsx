import type { ReactNode } from 'react';

export function PageTitle({ title, sub, children }: { title: string; sub?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-title">
      <h1>{title}</h1>
      {sub && <span className="sub">{sub}</span>}
      <span style={{ flex: 1 }} />
      {children}
    </div>
  );
}
