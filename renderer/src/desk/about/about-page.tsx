import { useState } from 'react';
import { useCall } from '../../platform/hooks';
import { formatDateTimeCn } from '../../ui/format';
import { PageTitle } from '../../ui/page-title';
import { filterLicenses, licenseSummary, SHIPPED_AS_LABELS } from './license-filter';
import './about.css';

/** 关于: which copy of the program this is, where it keeps its data and logs, and what it ships under which licence. */
export function AboutPage() {
  const info = useCall('about.info', {});
  const licenses = useCall('about.licenses', {}, []);
  const [query, setQuery] = useState('');
  const a = info.data;
  const shown = licenses.data ? filterLicenses(licenses.data, query) : [];

  return (
    <div className="about-page">
      <PageTitle title="关于" />
      <section className="panel" aria-labelledby="about-program">
        <div className="about-head">
          <img src="./favicon.svg" alt="" width={56} height={56} />
          <h2 id="about-program">{a?.productName ?? '人大工作评议系统'}</h2>
        </div>
        {info.error && (
          <div className="banner error" role="alert">
            {info.error.message}
          </div>
        )}
        <dl className="about-facts">
          <dt>版本</dt>
          <dd data-testid="about-version">{a?.version ?? '…'}</dd>
          <dt>构建日期</dt>
          <dd data-testid="about-built">{a ? (a.builtAt ? formatDateTimeCn(a.builtAt) : '未构建（从源代码运行）') : '…'}</dd>
          <dt>运行方式</dt>
          <dd>{a ? (a.mode === 'desktop' ? '桌面版' : '浏览器模式') : '…'}</dd>
          <dt>数据文件夹</dt>
          <dd>
            <code data-testid="about-data-dir">{a?.dataDir ?? '…'}</code>
          </dd>
          <dt>日志文件夹</dt>
          <dd>
            <code data-testid="about-log-dir">{a?.logDir ?? '…'}</code>
          </dd>
        </dl>
        <p className="muted">数据文件夹可在“设置 → 数据文件夹”中迁移；日志文件夹在数据文件夹之内，随之迁移。</p>
      </section>

      <section className="panel" aria-labelledby="about-licenses">
        <h2 id="about-licenses">第三方软件许可证</h2>
        <p className="intro">
          本程序使用了下列开源软件，各按其许可证分发；清单在每次构建时由实际安装的依赖生成。
          {a?.mode === 'desktop' && ' Chromium 等运行时组件的许可证见程序文件夹中的 LICENSES.chromium.html。'}
        </p>
        {licenses.error && (
          <div className="banner error" role="alert">
            {licenses.error.message}
          </div>
        )}
        {licenses.data && (
          <>
            <div className="toolbar">
              <label className="about-search">
                查找
                <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="软件名或许可证，如 MIT" aria-label="查找许可证" />
              </label>
              <span className="muted" role="status">
                {query ? `找到 ${shown.length} 个，共 ${licenses.data.length} 个` : `共 ${licenses.data.length} 个：${licenseSummary(licenses.data)}`}
              </span>
            </div>
            <ul className="about-license-list" aria-label="许可证列表">
              {shown.map((entry) => (
                <li key={`${entry.name}@${entry.version}`}>
                  <details>
                    <summary>
                      <span className="name">{entry.name}</span> <span className="muted">{entry.version}</span> <span className="tag">{entry.license}</span>{' '}
                      {entry.shippedAs.map((s) => (
                        <span key={s} className="muted about-why">
                          {SHIPPED_AS_LABELS[s]}
                        </span>
                      ))}
                    </summary>
                    {entry.text ? (
                      <pre className="about-license-text">{entry.text}</pre>
                    ) : (
                      <p className="muted">这是供其他操作系统或处理器使用的组件，构建本程序的计算机上未安装，故此处没有许可证原文；据依赖锁定文件，其许可证为 {entry.license}。</p>
                    )}
                    {entry.homepage && <p className="muted">主页：{entry.homepage}</p>}
                  </details>
                </li>
              ))}
            </ul>
            {shown.length === 0 && <p className="muted">没有符合“{query}”的软件。</p>}
          </>
        )}
      </section>
    </div>
  );
}
