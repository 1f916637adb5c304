import type { VoteGroupView, VoteRoundView } from '../../../../shared/api/vote-types';
import type { GroupResult, Mark, RuleSnapshot } from '../../../../shared/vote';
import { TallyTable } from './tally-table';

interface Props {
  round: VoteRoundView;
  /** The stored result's groups, or the grading preview of the current counts. */
  groups: GroupResult[];
  rule: RuleSnapshot;
  markLabels: Record<Mark, string>;
  preview?: boolean;
}

function contextText(g: GroupResult): string {
  const c = g.context;
  return `${g.binding ? `应到 ${c.entitled} 人，` : ''}实到 ${c.present} 人，发出 ${c.issued} 张，收回 ${c.returned} 张`;
}

/**
 * A result beside the rule that produced it: the counts, valid, rate and grade per evaluatee,
 * every line of the arithmetic, and the rule and policies in full (vote-rules.md: the app never
 * hides which rule produced a grade).
 */
export function ResultView({ round, groups, rule, markLabels, preview }: Props) {
  return (
    <div className="vote-result" data-testid={preview ? 'vote-preview' : 'vote-result'}>
      {groups.map((g) => {
        const view: VoteGroupView | undefined = round.groups.find((x) => x.label === g.label);
        const shown: VoteGroupView = { ...(view ?? round.groups[0]!), tally: g.results.map((r) => r.counts), returned: g.context.returned };
        return (
          <section key={g.label} className="vote-result-group" aria-label={`${g.label}${preview ? '（核对前预览）' : '测评结果'}`}>
            <h4>
              {g.label}
              {g.binding ? '' : '（另行计票，不计入常委会组成人员的测评结果）'}
              <span className="muted vote-context">{contextText(g)}</span>
            </h4>
            <TallyTable round={round} group={shown} markLabels={markLabels} graded={g.results} testId={`vote-${preview ? 'preview' : 'result'}-${shown.id}`} />
            <details className="vote-arithmetic" open={!preview}>
              <summary>计算过程</summary>
              <ol>
                {g.results.map((r, i) => (
                  <li key={i}>
                    <strong>{round.evaluatees[i]?.name}</strong>：{r.arithmetic.join('；')}。满意率 {r.rateText}（{r.rateNumerator}÷{r.valid}）。
                  </li>
                ))}
              </ol>
            </details>
          </section>
        );
      })}
      <div className="vote-rule" data-testid="vote-rule-text">
        <strong>测评规则：</strong>
        {rule.text}
        <br />
        {rule.policyText}
      </div>
    </div>
  );
}
