import type { HelpBlock, HelpPage } from './pages';
import { helpImageUrl } from './help-images';
import { KeyTables } from './key-tables';
import { OperationCardButton } from './operation-card-button';
import './help.css';

function Block({ block }: { block: HelpBlock }) {
  switch (block.kind) {
    case 'heading':
      return <h3>{block.text}</h3>;
    case 'text':
      return <p>{block.text}</p>;
    case 'steps':
      return (
        <ol className="help-steps">
          {block.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      );
    case 'tip':
      return (
        <p className="help-tip">
          <strong>提示：</strong>
          {block.text}
        </p>
      );
    case 'image': {
      const url = helpImageUrl(block.file);
      return (
        <figure className="help-figure">
          {url ? <img src={url} alt={block.alt} data-file={block.file} /> : <span className="muted">（图片暂缺）</span>}
          <figcaption>{block.alt}</figcaption>
        </figure>
      );
    }
    case 'keys':
      return <KeyTables />;
    case 'operation-card':
      return <OperationCardButton />;
  }
}

/** One page of the guide, as the desk's 帮助 and the console's help sheet show it. */
export function HelpArticle({ page }: { page: HelpPage }) {
  return (
    <article className="help-article" aria-label={page.title}>
      <h2>{page.title}</h2>
      {page.blocks.map((b, i) => (
        <Block key={i} block={b} />
      ))}
    </article>
  );
}
